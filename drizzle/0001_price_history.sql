CREATE TABLE "price_snapshot_heads" (
	"product_id" text NOT NULL,
	"platform" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"price_fen" integer NOT NULL,
	CONSTRAINT "price_snapshot_heads_pkey" PRIMARY KEY("product_id","platform")
);
--> statement-breakpoint
CREATE TABLE "price_snapshots" (
	"product_id" text NOT NULL,
	"platform" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"price_fen" integer NOT NULL,
	CONSTRAINT "price_snapshots_pkey" PRIMARY KEY("product_id","platform","observed_at"),
	CONSTRAINT "price_snapshots_platform_check" CHECK ("price_snapshots"."platform" in ('weidian', 'taobao', 'tmall', 'jd', 'pdd', 'suning', 'vip')),
	CONSTRAINT "price_snapshots_price_check" CHECK ("price_snapshots"."price_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX "price_snapshot_heads_observed_idx" ON "price_snapshot_heads" USING btree ("observed_at");