CREATE TABLE "reportmail"."scheduler_fence" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"fence" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduler_fence_single_row" CHECK ("reportmail"."scheduler_fence"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "attachment_omitted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "email_content" jsonb;--> statement-breakpoint
ALTER TABLE "reportmail"."report_schedule" ADD COLUMN "enabled_at" timestamp with time zone;