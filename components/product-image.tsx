import Image from 'next/image';
import { safeImage } from './safe-url';

/** An upstream product image in a square box; falls back to a placeholder for URLs we will not load. */
export function ProductImage({
  url,
  alt,
  sizes,
  eager = false,
  preload = false,
  className = '',
}: {
  url: string;
  alt: string;
  sizes: string;
  /** Above the fold: load immediately instead of lazily. */
  eager?: boolean;
  /** The page's LCP image (product page): a <link rel="preload"> in <head>. */
  preload?: boolean;
  className?: string;
}) {
  const img = safeImage(url);
  return (
    <div className={`relative aspect-square overflow-hidden bg-ink-100 ${className}`}>
      <Image
        src={img.src}
        alt={alt}
        fill
        sizes={sizes}
        unoptimized={img.unoptimized}
        {...(preload ? { preload: true } : { loading: eager ? 'eager' : 'lazy' })}
        className="object-cover"
      />
    </div>
  );
}
