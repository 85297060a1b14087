CREATE SCHEMA "reportmail";
--> statement-breakpoint
CREATE TYPE "reportmail"."admin_role" AS ENUM('admin', 'viewer');--> statement-breakpoint
CREATE TYPE "reportmail"."delivery_status" AS ENUM('pending', 'generating', 'sending', 'sent', 'failed', 'unknown', 'skipped');--> statement-breakpoint
CREATE TYPE "reportmail"."delivery_trigger" AS ENUM('scheduled', 'catch_up', 'manual', 'test');--> statement-breakpoint
CREATE TYPE "reportmail"."empty_period_policy" AS ENUM('send', 'skip', 'note');--> statement-breakpoint
CREATE TYPE "reportmail"."period_mode" AS ENUM('previous_days', 'to_date');--> statement-breakpoint
CREATE TYPE "reportmail"."schedule_frequency" AS ENUM('daily', 'every_3_days', 'weekly', 'cron');--> statement-breakpoint
CREATE TYPE "reportmail"."smtp_security" AS ENUM('none', 'starttls', 'tls');--> statement-breakpoint
CREATE TABLE "customer" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"business_name" text,
	"email" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "device" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket_number" varchar(30) NOT NULL,
	"customer_id" integer NOT NULL,
	"device_type" text NOT NULL,
	"status" text DEFAULT 'Received' NOT NULL,
	"is_archived" boolean DEFAULT false NOT NULL,
	"actual_completion" date,
	"total_cost" numeric(12, 2) DEFAULT '0' NOT NULL,
	"deposit_paid" numeric(12, 2) DEFAULT '0' NOT NULL,
	"payment_status" text DEFAULT 'Pending' NOT NULL,
	"claimed_on_credit" boolean DEFAULT false NOT NULL,
	"charge_waived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_ticket_number_unique" UNIQUE("ticket_number")
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "repair_payment" (
	"id" serial PRIMARY KEY NOT NULL,
	"device_id" integer NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"method" varchar(30),
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sale" (
	"id" serial PRIMARY KEY NOT NULL,
	"invoice_no" varchar(30) NOT NULL,
	"customer_id" integer,
	"status" text DEFAULT 'PAID' NOT NULL,
	"claimed_on_credit" boolean DEFAULT false NOT NULL,
	"subtotal" numeric(12, 2) DEFAULT '0' NOT NULL,
	"discount" numeric(12, 2) DEFAULT '0' NOT NULL,
	"total" numeric(12, 2) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sale_invoice_no_unique" UNIQUE("invoice_no")
);
--> statement-breakpoint
CREATE TABLE "sale_item" (
	"id" serial PRIMARY KEY NOT NULL,
	"sale_id" integer NOT NULL,
	"product_id" integer,
	"qty" integer NOT NULL,
	"unit_price" numeric(12, 2) NOT NULL,
	"line_total" numeric(12, 2) NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sale_payment" (
	"id" serial PRIMARY KEY NOT NULL,
	"sale_id" integer NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"method" varchar(30),
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reportmail"."admin_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "reportmail"."admin_role" DEFAULT 'viewer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reportmail"."audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reportmail"."audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reportmail"."delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid,
	"trigger" "reportmail"."delivery_trigger" NOT NULL,
	"report_type" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"status" "reportmail"."delivery_status" DEFAULT 'pending' NOT NULL,
	"recipients" jsonb,
	"subject" text,
	"total_revenue" numeric(18, 2),
	"total_transactions" integer,
	"sales_revenue" numeric(18, 2),
	"sales_transactions" integer,
	"repair_revenue" numeric(18, 2),
	"repair_transactions" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error_message" text,
	"message_id" text,
	"accepted_recipients" jsonb,
	"rejected_recipients" jsonb,
	"attachment_filename" text,
	"attachment_size" bigint,
	"attempted_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reportmail"."delivery_artifact" (
	"delivery_id" uuid PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reportmail"."report_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"frequency" "reportmail"."schedule_frequency" NOT NULL,
	"send_time" text DEFAULT '09:00' NOT NULL,
	"timezone" text DEFAULT 'Asia/Manila' NOT NULL,
	"cron_expression" text,
	"anchor_date" date,
	"period_mode" "reportmail"."period_mode" DEFAULT 'previous_days' NOT NULL,
	"recipients_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"recipients_cc" text[] DEFAULT '{}'::text[] NOT NULL,
	"recipients_bcc" text[] DEFAULT '{}'::text[] NOT NULL,
	"sender_name" text,
	"empty_period_policy" "reportmail"."empty_period_policy" DEFAULT 'send' NOT NULL,
	"last_sent_at" timestamp with time zone,
	"next_run_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reportmail"."smtp_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"security" "reportmail"."smtp_security" DEFAULT 'starttls' NOT NULL,
	"username" text,
	"password_ciphertext" text,
	"from_address" text NOT NULL,
	"from_name" text DEFAULT 'Reports' NOT NULL,
	"admin_address" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "smtp_settings_single_row" CHECK ("reportmail"."smtp_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_payment" ADD CONSTRAINT "repair_payment_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale" ADD CONSTRAINT "sale_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_item" ADD CONSTRAINT "sale_item_sale_id_sale_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sale"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_item" ADD CONSTRAINT "sale_item_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sale_payment" ADD CONSTRAINT "sale_payment_sale_id_sale_id_fk" FOREIGN KEY ("sale_id") REFERENCES "public"."sale"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reportmail"."audit_log" ADD CONSTRAINT "audit_log_actor_id_admin_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "reportmail"."admin_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD CONSTRAINT "delivery_schedule_id_report_schedule_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "reportmail"."report_schedule"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reportmail"."delivery_artifact" ADD CONSTRAINT "delivery_artifact_delivery_id_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "reportmail"."delivery"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_customer_id_idx" ON "device" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "repair_payment_paid_at_idx" ON "repair_payment" USING btree ("paid_at","id");--> statement-breakpoint
CREATE INDEX "repair_payment_device_id_idx" ON "repair_payment" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "sale_customer_id_idx" ON "sale" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "sale_item_sale_id_idx" ON "sale_item" USING btree ("sale_id");--> statement-breakpoint
CREATE INDEX "sale_payment_paid_at_idx" ON "sale_payment" USING btree ("paid_at","id");--> statement-breakpoint
CREATE INDEX "sale_payment_sale_id_idx" ON "sale_payment" USING btree ("sale_id");--> statement-breakpoint
CREATE UNIQUE INDEX "admin_user_email_uq" ON "reportmail"."admin_user" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "reportmail"."audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_scheduled_period_uq" ON "reportmail"."delivery" USING btree ("schedule_id","period_start","period_end") WHERE "reportmail"."delivery"."trigger" in ('scheduled', 'catch_up');--> statement-breakpoint
CREATE INDEX "delivery_created_at_idx" ON "reportmail"."delivery" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "delivery_schedule_id_idx" ON "reportmail"."delivery" USING btree ("schedule_id","created_at");