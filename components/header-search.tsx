'use client';

import { usePathname } from 'next/navigation';
import { SearchForm } from './search-form';

/**
 * The header's search box. The home page renders its own, larger one that also keeps the current category
 * and sort, so the header's is left out there (one search box per page).
 */
export function HeaderSearch() {
  const pathname = usePathname();
  if (pathname === '/') return null;
  return <SearchForm variant="header" />;
}
