CREATE TABLE "merchant_tokens" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"access_token_enc" text NOT NULL,
	"refresh_token_enc" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"scope" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"shop_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_sync_state" (
	"shop_id" text PRIMARY KEY NOT NULL,
	"checkpoint" timestamp with time zone,
	"running" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"orders_done" integer DEFAULT 0 NOT NULL,
	"orders_total" integer,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"run_id" text
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"shop_id" text NOT NULL,
	"order_id" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"total_fen" integer NOT NULL,
	"post_fee_fen" integer NOT NULL,
	"discount_fen" integer NOT NULL,
	"buyer_name_masked" text NOT NULL,
	"buyer_phone_masked" text NOT NULL,
	"receiver_province" text NOT NULL,
	"receiver_city" text NOT NULL,
	"items" jsonb NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_pkey" PRIMARY KEY("shop_id","order_id"),
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('WAIT_BUYER_PAY', 'WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_CONFIRM_GOODS', 'TRADE_SUCCESS', 'TRADE_CLOSED'))
);
--> statement-breakpoint
ALTER TABLE "merchant_tokens" ADD CONSTRAINT "merchant_tokens_shop_id_merchants_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."merchants"("shop_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_sync_state" ADD CONSTRAINT "order_sync_state_shop_id_merchants_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."merchants"("shop_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shop_id_merchants_shop_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."merchants"("shop_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_shop_created_idx" ON "orders" USING btree ("shop_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_shop_status_created_idx" ON "orders" USING btree ("shop_id","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "orders_shop_updated_idx" ON "orders" USING btree ("shop_id","updated_at" DESC NULLS FIRST);