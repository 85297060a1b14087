CREATE TABLE "reportmail"."payment_snapshot" (
	"delivery_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"payments" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_snapshot_delivery_id_period_start_period_end_pk" PRIMARY KEY("delivery_id","period_start","period_end")
);
--> statement-breakpoint
ALTER TABLE "reportmail"."report_schedule" ADD COLUMN "report_changes" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "reportmail"."payment_snapshot" ADD CONSTRAINT "payment_snapshot_delivery_id_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "reportmail"."delivery"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reportmail"."payment_snapshot" ADD CONSTRAINT "payment_snapshot_schedule_id_report_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "reportmail"."report_schedule"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_snapshot_schedule_idx" ON "reportmail"."payment_snapshot" USING btree ("schedule_id","period_start","created_at");