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
        // Warm red-orange, the colour Chinese shopping sites use for prices and calls to action. From 500 up
        // the shades carry text (white on 500, 500+ on white/50) at WCAG AA contrast, 4.5:1 or more.
        brand: {
          50: '#fff4ed',
          100: '#ffe6d5',
          200: '#fec9aa',
          300: '#fda374',
          400: '#f0622a',
          500: '#d63a0a',
          600: '#bd300a',
          700: '#9f2a0c',
          800: '#80220f',
          900: '#661c10',
          950: '#430a06',
        },
        /** Prices (DEFAULT ≥ 4.5:1 on white and on `soft`). */
        price: {
          DEFAULT: '#d0282b',
          strong: '#c81623',
          soft: '#fdecec',
        },
        /** Savings / "cheaper elsewhere" accents. */
        saving: {
          DEFAULT: '#0a7340',
          soft: '#e6f6ee',
        },
        // Neutrals with a slight warm cast so the red reads as intentional, not alarming. 400 is the lightest
        // shade used for text (≥ 4.5:1 on white and 50); 300 and below are for lines and fills.
        ink: {
          50: '#faf9f7',
          100: '#f3f2ef',
          200: '#e6e4df',
          300: '#d2cfc8',
          400: '#767269',
          500: '#6b675f',
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
