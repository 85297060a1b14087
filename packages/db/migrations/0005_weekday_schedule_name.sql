CREATE TYPE "reportmail"."weekday" AS ENUM('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday');--> statement-breakpoint
ALTER TABLE "reportmail"."delivery" ADD COLUMN "schedule_name" text;--> statement-breakpoint
ALTER TABLE "reportmail"."report_schedule" ADD COLUMN "weekday" "reportmail"."weekday";--> statement-breakpoint
-- Data: weekly schedules ran on their anchor date's weekday; they now name it. The enum is declared
-- Monday first, so the ISO weekday indexes enum_range. A weekly row without an anchor never ran (the
-- scheduler refused it): it takes the weekday it was created on, in its own zone, so the check below holds.
-- Each update touches only rows not yet converted, so running it again changes nothing.
UPDATE "reportmail"."report_schedule"
SET "weekday" = (enum_range(NULL::"reportmail"."weekday"))[
      extract(isodow from coalesce("anchor_date", ("created_at" AT TIME ZONE "timezone")::date))::int
    ],
    "anchor_date" = NULL
WHERE "frequency" = 'weekly' AND "weekday" IS NULL;--> statement-breakpoint
-- Data: deliveries keep the name of their schedule, also once it is deleted (schedule_id becomes null).
UPDATE "reportmail"."delivery" AS d
SET "schedule_name" = s."name"
FROM "reportmail"."report_schedule" AS s
WHERE d."schedule_id" = s."id" AND d."schedule_name" IS NULL;--> statement-breakpoint
ALTER TABLE "reportmail"."report_schedule" ADD CONSTRAINT "report_schedule_weekday_check" CHECK (("reportmail"."report_schedule"."frequency" = 'weekly') = ("reportmail"."report_schedule"."weekday" is not null));
