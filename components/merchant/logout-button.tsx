/** 退出登录: a POST form (the logout route refuses GET and cross-site posts). Works without JavaScript. */
export function LogoutButton({ compact = false }: { compact?: boolean }) {
  return (
    <form method="post" action="/api/auth/logout" className="contents">
      <button
        type="submit"
        data-testid="logout-button"
        aria-label="退出登录"
        className="inline-flex min-h-tap min-w-tap shrink-0 items-center justify-center rounded-full px-3 text-sm whitespace-nowrap text-ink-600 ring-1 ring-ink-200 transition hover:text-brand-600 hover:ring-brand-300"
      >
        退出{compact ? <span className="max-sm:hidden">登录</span> : '登录'}
      </button>
    </form>
  );
}
