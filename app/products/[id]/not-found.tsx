import { ProductNotFound } from '@/components/not-found';

/** For a client-side navigation to a missing product; a document request gets the same text from app/not-found.tsx. */
export default function NotFound() {
  return <ProductNotFound />;
}
