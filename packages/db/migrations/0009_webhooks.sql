CREATE TYPE "reportmail"."delivery_channel" AS ENUM('email', 'slack', 'webhook');--> statement-breakpoint
CREATE TYPE "reportmail"."webhook_kind" AS ENUM('slack', 'webhook');--> statement-breakpoint
CREATE TABLE "reportmail"."schedule_webhook" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"kind" "reportmail"."webhook_kind" NOT NULL,
	"label" text NOT NULL,
	"url_ciphertext" text NOT NULL,
	"url_hint" text NOT NULL,
	"signing_secret_ciphertext" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_webhook_signing_check" CHECK (("reportmail"."schedule_webhook"."kind" = 'webhook') = ("reportmail"."schedule_webhook"."signing_secret_ciphertext" is not null))
);
--> statement-breakpoint
DROP INDEX "reportmail"."delivery_scheduled_period_uq";--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "channel" "reportmail"."delivery_channel" DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "report_delivery_id" uuid;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "webhook_id" uuid;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "webhook_label" text;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "redelivery_of" uuid;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "report_json" jsonb;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "response_status" integer;--> statement-breakpoint
ALTER TABLE "reportmail"."schedule_webhook" ADD CONSTRAINT "schedule_webhook_schedule_id_report_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "reportmail"."report_schedule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedule_webhook_schedule_idx" ON "reportmail"."schedule_webhook" USING btree ("schedule_id");--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD CONSTRAINT "delivery_report_delivery_id_delivery_id_fk" FOREIGN KEY ("report_delivery_id") REFERENCES "reportmail"."delivery"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD CONSTRAINT "delivery_webhook_id_schedule_webhook_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "reportmail"."schedule_webhook"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_report_webhook_uq" ON "reportmail"."delivery" USING btree ("report_delivery_id","webhook_id") WHERE "reportmail"."delivery"."report_delivery_id" is not null and "reportmail"."delivery"."redelivery_of" is null;--> statement-breakpoint
CREATE INDEX "delivery_report_delivery_idx" ON "reportmail"."delivery" USING btree ("report_delivery_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_scheduled_period_uq" ON "reportmail"."delivery" USING btree ("schedule_id","period_start","period_end") WHERE "reportmail"."delivery"."trigger" in ('scheduled', 'catch_up') and "reportmail"."delivery"."channel" = 'email';--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD CONSTRAINT "delivery_channel_check" CHECK (("reportmail"."delivery"."channel" = 'email') = ("reportmail"."delivery"."report_delivery_id" is null));