import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeReturnTo } from '@/lib/auth/return-to';
import { readMerchant } from '@/components/merchant/current';

export const metadata: Metadata = { title: '商家登录', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** What /api/auth/callback (and the merchant pages) send back here, in zh-CN. */
const LOGIN_ERRORS: Record<string, { title: string; detail: string }> = {
  expired: { title: '登录已超时', detail: '授权页面停留时间过长，或登录在另一个窗口中已完成。请重新登录。' },
  access_denied: { title: '你取消了授权', detail: '没有授权，比价无法读取店铺订单。如需查看订单，请重新登录并点击「授权」。' },
  denied: { title: '微店拒绝了这次授权', detail: '请确认登录的是店铺主账号，然后重试。' },
  state_mismatch: { title: '登录请求校验失败', detail: '为保护账号安全，这次登录已被拒绝。请从本页面重新登录。' },
  missing_code: { title: '没有收到微店的授权结果', detail: '授权回调不完整，请重新登录。' },
  issuer_mismatch: { title: '授权来源校验失败', detail: '授权结果不是来自微店，这次登录已被拒绝。请从本页面重新登录。' },
  exchange_failed: { title: '授权已失效', detail: '这个授权链接已被使用过或已过期，请重新登录。' },
  unavailable: { title: '微店暂时无法连接', detail: '登录服务暂时不可用，请稍后重试。' },
  rate_limited: { title: '操作过于频繁', detail: '短时间内登录次数太多，请过一分钟再试。' },
  session_expired: { title: '登录已过期', detail: '为了账号安全，请重新登录微店账号。' },
};
const UNKNOWN_ERROR = { title: '登录没有完成', detail: '请重新登录。' };

/** One value of a query parameter; a repeated or missing one reads as absent (this page never errors on its URL). */
function single(v: string | string[] | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const asked = safeReturnTo(single(params.returnTo), '/orders');
  // Coming back to /login itself would loop (logged in → redirect → /login → …).
  const returnTo = /^\/login(?:[/?#]|$)/.test(asked) ? '/orders' : asked;
  const errorCode = single(params.error);

  if (await readMerchant()) redirect(returnTo);

  const error = errorCode ? (LOGIN_ERRORS[errorCode] ?? UNKNOWN_ERROR) : null;
  const loginHref = `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-5 py-4 sm:py-10">
      <section
        aria-labelledby="login-heading"
        className="flex flex-col gap-5 rounded-card bg-white p-6 shadow-card ring-1 ring-ink-200/70 sm:p-8"
      >
        <div className="flex flex-col items-center gap-3 text-center">
          <span
            aria-hidden="true"
            className="grid size-14 place-items-center rounded-2xl bg-gradient-to-br from-brand-500 to-price text-2xl font-bold text-white shadow-sm"
          >
            比
          </span>
          <h1 id="login-heading" className="text-xl font-bold text-ink-900 sm:text-2xl">
            商家中心登录
          </h1>
          <p className="text-sm text-ink-500">用微店店铺账号授权后，即可在比价查看和同步你的店铺订单。</p>
        </div>

        {error && (
          <div role="alert" data-testid="login-error" data-error={errorCode} className="flex flex-col gap-1 rounded-xl bg-price-soft px-4 py-3 text-sm">
            <p className="font-semibold text-price-strong">{error.title}</p>
            <p className="text-ink-700">{error.detail}</p>
          </div>
        )}

        {/* A plain link, not next/link: the route answers with a redirect to the authorization server. */}
        <a
          href={loginHref}
          data-testid="login-button"
          className="inline-flex min-h-12 items-center justify-center gap-2 rounded-full bg-brand-500 px-6 text-base font-semibold text-white shadow-sm transition hover:bg-brand-600 active:bg-brand-700"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" className="size-5">
            <path d="M3 7.5 4.5 3h11L17 7.5M3 7.5h14M3 7.5a2.3 2.3 0 0 0 4.7 0 2.3 2.3 0 0 0 4.6 0 2.3 2.3 0 0 0 4.7 0M4.5 10.5V17h11v-6.5" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
          </svg>
          {error ? '重新登录微店账号' : '使用微店账号登录'}
        </a>

        <div className="flex flex-col gap-2 rounded-xl bg-ink-50 p-4 text-sm text-ink-600">
          <h2 className="font-medium text-ink-800">授权后比价可以看到什么</h2>
          <ul className="flex list-disc flex-col gap-1 pl-5">
            <li>只读取订单（订单状态、商品、金额、下单与付款时间），不会修改订单，也不能发货或退款。</li>
            <li>买家信息脱敏显示：姓名只显示姓氏，手机号只显示前 3 位和后 4 位，地址只显示省市。</li>
            <li>不会获取你的微店密码；随时可以退出登录，也可以在微店后台取消授权。</li>
          </ul>
        </div>
      </section>
      <p className="text-center text-xs text-ink-400">登录即表示你是该微店店铺的经营者或已获授权。</p>
    </div>
  );
}
