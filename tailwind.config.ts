import type { Config } from 'tailwindcss';

/**
 * Bijia's design tokens. Tailwind 4 reads this file through `@config "../tailwind.config.ts"` in
 * app/globals.css; everything here becomes a theme variable (e.g. `brand.500` → `--color-brand-500`,
 * usable as `bg-brand-500`, `text-price`, `min-h-tap` …).
 */
const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  theme: {
    extend: {
      colors: {
        // Warm red-orange, the colour Chinese shopping sites use for prices and calls to action.
        brand: {
          50: '#fff4ed',
          100: '#ffe6d5',
          200: '#fec9aa',
          300: '#fda374',
          400: '#fb713c',
          500: '#f94d16',
          600: '#ea330c',
          700: '#c2230c',
          800: '#9a1e12',
          900: '#7c1c12',
          950: '#430a06',
        },
        /** Prices. */
        price: {
          DEFAULT: '#e4393c',
          strong: '#c81623',
          soft: '#fdecec',
        },
        /** Savings / "cheaper elsewhere" accents. */
        saving: {
          DEFAULT: '#0f8a4f',
          soft: '#e6f6ee',
        },
        // Neutrals with a slight warm cast so the red reads as intentional, not alarming.
        ink: {
          50: '#faf9f7',
          100: '#f3f2ef',
          200: '#e6e4df',
          300: '#d2cfc8',
          400: '#a8a49b',
          500: '#7b776e',
          600: '#5c5952',
          700: '#45423d',
          800: '#2c2a27',
          900: '#1c1b19',
        },
      },
      fontFamily: {
        // System CJK fonts only — nothing is fetched from a font CDN.
        sans: [
          '"PingFang SC"',
          '"Microsoft YaHei"',
          '"Noto Sans CJK SC"',
          '"Hiragino Sans GB"',
          '"Source Han Sans SC"',
          'system-ui',
          '-apple-system',
          '"Segoe UI"',
          'Roboto',
          '"Helvetica Neue"',
          'Arial',
          'sans-serif',
        ],
        // Tabular digits so prices line up in tables.
        num: ['"DIN Alternate"', '"Helvetica Neue"', 'Arial', '"PingFang SC"', '"Microsoft YaHei"', 'sans-serif'],
      },
      spacing: {
        /** Minimum tap target (44px, WCAG 2.5.5 / Apple HIG). */
        tap: '2.75rem',
        gutter: '1rem',
      },
      maxWidth: {
        page: '80rem',
      },
      borderRadius: {
        card: '0.875rem',
      },
      boxShadow: {
        card: '0 1px 2px rgb(28 27 25 / 0.06), 0 1px 3px rgb(28 27 25 / 0.04)',
        'card-hover': '0 8px 24px -6px rgb(28 27 25 / 0.14), 0 2px 6px rgb(28 27 25 / 0.06)',
      },
    },
  },
};

export default config;
