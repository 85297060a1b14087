// Generated from the API’s OpenAPI document by `pnpm api:types`: do not edit by hand.
// packages/http-api/src/console-api-types.int.test.ts fails when it no longer matches the routes.
export interface paths {
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange email and password for a bearer token
         * @description Also sets an http-only session cookie (path /admin) so an admin can open Bull Board in a browser. Attempts are limited per client address and per email.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            role: "admin" | "viewer";
                            token: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear the browser session cookie (bearer tokens simply expire) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is alive and its event loop turns
         * @description 503 when the event loop was blocked for over 1000 ms within the last few seconds (a request that hogs the process).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the longest the event loop was blocked within the window */
                            eventLoopDelayMs: number;
                            message: string;
                            /** @enum {string} */
                            status: "unhealthy";
                            windowMs: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics (text format 0.0.4)
         * @description Any signed-in user (viewer or admin).
         *
         *     Needs a bearer token: a user token (viewer or admin) or METRICS_TOKEN. Ledger and queue series are read at scrape time: reportmail_deliveries{status,trigger,channel}, reportmail_queue_jobs{queue,state}, and quantile gauges (0.5, 0.9, 0.99, 1 = max) of generation and send durations over the last 24 hours with their sample counts; plus the process metrics.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text exposition format 0.0.4 (not JSON) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain; version=0.0.4; charset=utf-8": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ready to serve: PostgreSQL and Redis answer and every migration is applied
         * @description Each check gives up after 2000 ms, so this never hangs.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                /** @description 'ok', or why not */
                                migrations: string;
                                /** @description 'ok', or why not */
                                postgres: string;
                                /** @description 'ok', or why not */
                                redis: string;
                            };
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                /** @description 'ok', or why not */
                                migrations: string;
                                /** @description 'ok', or why not */
                                postgres: string;
                                /** @description 'ok', or why not */
                                redis: string;
                            };
                            /** @enum {string} */
                            status: "not_ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what, newest first (admins only: it names users and what they changed)
         * @description **Admins only**: a viewer gets 403.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Exact action, e.g. `schedule.update` */
                    action?: string;
                    actorId?: string;
                    /** @description Entries at or after this instant */
                    from?: string;
                    page?: number;
                    pageSize?: number;
                    /** @description Entries before this instant */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actorEmail: string | null;
                                actorId: string | null;
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                } | null;
                                id: number;
                                target: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log, newest first
         * @description Any signed-in user (viewer or admin).
         *
         *     Filters combine: `status`, `scheduleId`, `trigger`, `channel` (`email`, `slack` or `webhook`), `transport` (`smtp` or `outbox`), and `from` (inclusive) / `to` (exclusive) on the creation instant, ISO 8601 with a zone offset. Totals are decimal strings.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Where it went: `email`, `slack` or `webhook` */
                    channel?: "email" | "slack" | "webhook";
                    from?: string;
                    page?: number;
                    pageSize?: number;
                    scheduleId?: string;
                    status?: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                    to?: string;
                    /** @description How a sent email left: `smtp` or `outbox` */
                    transport?: "smtp" | "outbox";
                    trigger?: "scheduled" | "catch_up" | "manual" | "test";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /** @enum {string} */
                                channel: "email" | "slack" | "webhook";
                                createdAt: string;
                                id: string;
                                periodEnd: string;
                                periodLabel: string;
                                periodStart: string;
                                recipients: {
                                    bcc: string[];
                                    cc: string[];
                                    to: string[];
                                } | null;
                                reportDeliveryId: string | null;
                                scheduleId: string | null;
                                scheduleName: string | null;
                                sentAt: string | null;
                                /** @enum {string} */
                                status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                                subject: string | null;
                                timezone: string;
                                totalRevenue: string | null;
                                totalTransactions: number | null;
                                /** @enum {string|null} */
                                transport: "smtp" | "outbox" | null;
                                /** @enum {string} */
                                trigger: "scheduled" | "catch_up" | "manual" | "test";
                                webhookLabel: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery: recipients, outcome, totals, attachment and what the email showed
         * @description Any signed-in user (viewer or admin).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acceptedRecipients: string[] | null;
                            attachmentFilename: string | null;
                            attachmentOmitted: boolean;
                            attachmentSize: number | null;
                            attachmentStored: boolean;
                            attemptedAt: string | null;
                            attempts: number;
                            /** @enum {string} */
                            channel: "email" | "slack" | "webhook";
                            createdAt: string;
                            emailContent: {
                                breakdown: {
                                    count: string;
                                    method: string;
                                    repairs: string;
                                    sales: string;
                                    total: string;
                                }[];
                                breakdownTotal: {
                                    count: string;
                                    repairs: string;
                                    sales: string;
                                    total: string;
                                };
                                /** @default [] */
                                changes: {
                                    difference: string;
                                    key: string;
                                    payments: {
                                        change: string;
                                        customer: string;
                                        key: string;
                                        method: string;
                                        payment: string;
                                        reason: string;
                                        when: string;
                                    }[];
                                    period: string;
                                    sent: string;
                                    sentTotal: string;
                                    totalNow: string;
                                }[];
                                generatedAt: string;
                                kpis: {
                                    detail: string;
                                    label: string;
                                    value: string;
                                }[];
                                largest: {
                                    amount: string;
                                    customer: string;
                                    key: string;
                                    kind: string;
                                    method: string;
                                    reference: string;
                                    when: string;
                                }[];
                                notes: string[];
                                periodLabel: string;
                                subject: string;
                                timezone: string;
                                title: string;
                                /** @default null */
                                trend: {
                                    days: {
                                        current: boolean;
                                        key: string;
                                        label: string;
                                        repairs: string;
                                        repairsWidth: number;
                                        sales: string;
                                        salesWidth: number;
                                        total: string;
                                    }[];
                                    title: string;
                                } | null;
                            } | null;
                            errorHint: string | null;
                            errorMessage: string | null;
                            generatedAt: string | null;
                            generationStartedAt: string | null;
                            id: string;
                            jobKey: string | null;
                            messageId: string | null;
                            outboxPath: string | null;
                            periodEnd: string;
                            periodLabel: string;
                            periodStart: string;
                            recipients: {
                                bcc: string[];
                                cc: string[];
                                to: string[];
                            } | null;
                            redeliveryOf: string | null;
                            rejectedRecipients: string[] | null;
                            repairRevenue: string | null;
                            repairTransactions: number | null;
                            reportDeliveryId: string | null;
                            reportType: string;
                            responseStatus: number | null;
                            salesRevenue: string | null;
                            salesTransactions: number | null;
                            scheduleId: string | null;
                            scheduleName: string | null;
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                            subject: string | null;
                            timezone: string;
                            totalRevenue: string | null;
                            totalTransactions: number | null;
                            /** @enum {string|null} */
                            transport: "smtp" | "outbox" | null;
                            /** @enum {string} */
                            trigger: "scheduled" | "catch_up" | "manual" | "test";
                            updatedAt: string;
                            webhookId: string | null;
                            webhookLabel: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a delivery's stored workbook (XLSX)
         * @description Any signed-in user (viewer or admin).
         *
         *     Needs a bearer token (viewer or admin), or the signed link an email carries when its workbook was too large to attach: `expires` (unix seconds) and `signature`. An expired or altered link is a 401.
         */
        get: {
            parameters: {
                query?: {
                    expires?: number;
                    signature?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workbook as stored when the report was generated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The email as it was sent (HTML)
         * @description Any signed-in user (viewer or admin).
         *
         *     The delivery's stored email content rendered by the mail worker's renderer (packages/emails). One difference: when a too-large workbook was left out and PUBLIC_URL is set, the sent note also carried a signed download link, made at send time; here the note has none (download the workbook from `/v1/deliveries/{id}/attachment`). 404 until the report is generated. Served with a CSP that lets it run no script and load nothing.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The email’s HTML part */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery's report again (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Creates a new delivery for the same period and recipients, generated afresh, and queues it (202). A test send is resent as a test; anything else as `manual`, to the email recipients only (the schedule's webhooks are not posted to again; `redeliveryOf` names the original). 409 when the schedule was deleted. A Slack or webhook delivery is posted again to its webhook only, with the report as first sent (409 once the webhook is deleted). Records a `delivery.resend` audit entry naming the original (`resendOf`).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeating a send with the same key (for 24 h) answers as the first time, with `idempotent-replayed: true`, and sends nothing more; the same key with another request is a 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveryId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/demo-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove what pnpm demo made: its schedule, its deliveries and the demo shop data (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Only while the demo’s schedule exists (then the shop rows are the demo’s: the demo refuses to seed over other data); otherwise 404 and nothing is deleted. One transaction. The outbox files stay on the mail worker’s disk: their paths are listed (`pnpm demo --clean` removes them too). Records `demo.remove`.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Deliveries of the demo schedule deleted (their stored workbooks with them) */
                            deliveries: number;
                            /** @description The .eml files those deliveries left in the mail worker’s outbox folder (not deleted from here) */
                            outboxFiles: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the bearer token belongs to
         * @description Any signed-in user (viewer or admin).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "viewer";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your own password (needs the current one)
         * @description Any signed-in user (viewer or admin).
         *
         *     Tokens already issued stay valid until they expire. Attempts are limited per user like logins.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Setup state, queue health and display settings (the console’s home screen)
         * @description Any signed-in user (viewer or admin).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How money is shown */
                            currency: {
                                locale: string;
                                symbol: string;
                            };
                            /** @description REPORT_TIMEZONE: the zone new schedules start with */
                            defaultTimezone: string;
                            queues: {
                                mail: {
                                    active: number;
                                    completed: number;
                                    delayed: number;
                                    failed: number;
                                    waiting: number;
                                };
                                reports: {
                                    active: number;
                                    completed: number;
                                    delayed: number;
                                    failed: number;
                                    waiting: number;
                                };
                            };
                            setup: {
                                /** @description pnpm demo’s schedule (and so its shop data) is in this database */
                                demoSchedulePresent: boolean;
                                enabledSchedules: number;
                                schedules: number;
                                /** @description false: emails are written to the outbox folder instead of being sent */
                                smtpConfigured: boolean;
                            };
                            /** @description This week so far in defaultTimezone: Monday to today (YYYY-MM-DD), for GET /v1/report-data */
                            thisWeek: {
                                from: string;
                                to: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/report-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The report of whole local days as JSON (what `pnpm report --format json` prints)
         * @description Any signed-in user (viewer or admin).
         *
         *     Money received from `from` to `to` (local days, both inclusive, at most 366) in `tz` (default REPORT_TIMEZONE): totals, payment methods, the previous period of equal length and every payment row (not with `rows=false`), read from one consistent snapshot. Amounts are decimal strings.
         */
        get: {
            parameters: {
                query: {
                    /** @description Local calendar date, 1970-01-01 to 2199-12-31 */
                    from: string;
                    /** @description `false`: totals and methods only, without the `sales` and `repairs` rows (a quick summary) */
                    rows?: "true" | "false";
                    /** @description Local calendar date, 1970-01-01 to 2199-12-31 */
                    to?: string;
                    tz?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            breakdown: {
                                count: number;
                                method: string;
                                repairsTotal: string;
                                salesTotal: string;
                                total: string;
                            }[];
                            comparison: {
                                revenueDelta: string;
                                revenuePercent: number | null;
                                transactionsDelta: number;
                                transactionsPercent: number | null;
                            };
                            period: {
                                end: string;
                                firstDay: string;
                                label: string;
                                lastDay: string;
                                start: string;
                                timezone: string;
                            };
                            previous: {
                                end: string;
                                label: string;
                                start: string;
                                totals: {
                                    repairRevenue: string;
                                    repairTransactions: number;
                                    revenue: string;
                                    salesRevenue: string;
                                    salesTransactions: number;
                                    transactions: number;
                                };
                            };
                            /** @description Every repair payment; absent with rows=false */
                            repairs?: {
                                amount: string;
                                customer: string;
                                deviceType: string;
                                localTime: string;
                                method: string;
                                paidAt: string;
                                status: string;
                                ticketNumber: string;
                            }[];
                            /** @description Every sale payment; absent with rows=false */
                            sales?: {
                                amount: string;
                                customer: string;
                                invoiceNo: string;
                                items: string;
                                localTime: string;
                                method: string;
                                paidAt: string;
                                status: string;
                            }[];
                            totals: {
                                repairRevenue: string;
                                repairTransactions: number;
                                revenue: string;
                                salesRevenue: string;
                                salesTransactions: number;
                                transactions: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List schedules by name
         * @description Any signed-in user (viewer or admin).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only enabled (true) or disabled (false) schedules */
                    enabled?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description YYYY-MM-DD: every_3_days counts from it; null otherwise */
                                anchorDate: string | null;
                                /** @description A PDF of the report goes with the email, beside the workbook */
                                attachPdf: boolean;
                                /** @description ISO 8601 instant (UTC) */
                                createdAt: string;
                                cronExpression: string | null;
                                /** @description When it sends, in words: "Weekly on Monday at 08:00, Asia/Manila" */
                                description: string;
                                /** @enum {string} */
                                emptyPeriodPolicy: "send" | "skip" | "note";
                                enabled: boolean;
                                /** @description When the schedule was last switched on; catch-up never reaches before it */
                                enabledAt: string | null;
                                /** @enum {string} */
                                frequency: "daily" | "every_3_days" | "weekly" | "cron";
                                id: string;
                                /** @description The schedule’s newest delivery (scheduled, catch-up, manual or test); null before its first */
                                lastDelivery: {
                                    /** @description ISO 8601 instant (UTC) */
                                    createdAt: string;
                                    id: string;
                                    /** @enum {string} */
                                    status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                                    /** @enum {string} */
                                    trigger: "scheduled" | "catch_up" | "manual" | "test";
                                } | null;
                                /** @description ISO 8601 instant (UTC) */
                                lastSentAt: string | null;
                                name: string;
                                /** @description Kept by the scheduler: updated once it has synced a change */
                                nextRunAt: string | null;
                                /** @enum {string} */
                                pdfPageSize: "A4" | "LETTER";
                                /** @enum {string} */
                                periodMode: "previous_days" | "to_date";
                                recipients: {
                                    bcc: string[];
                                    cc: string[];
                                    to: string[];
                                };
                                /** @description Each report lists the payments that changed this schedule's reports of the last 31 days */
                                reportChanges: boolean;
                                senderName: string | null;
                                sendTime: string;
                                timezone: string;
                                /** @description ISO 8601 instant (UTC) */
                                updatedAt: string;
                                /**
                                 * @description The day weekly schedules run on; null otherwise
                                 * @enum {string|null}
                                 */
                                weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a schedule
         * @description **Admins only**: a viewer gets 403.
         *
         *     Fields left out take their defaults; an enabled schedule needs a "to" recipient.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        anchorDate?: string | null;
                        /** @default false */
                        attachPdf?: boolean;
                        /** @default null */
                        cronExpression?: string | null;
                        /**
                         * @default send
                         * @enum {string}
                         */
                        emptyPeriodPolicy?: "send" | "skip" | "note";
                        /** @default false */
                        enabled?: boolean;
                        /** @enum {string} */
                        frequency: "daily" | "every_3_days" | "weekly" | "cron";
                        name: string;
                        /**
                         * @default A4
                         * @enum {string}
                         */
                        pdfPageSize?: "A4" | "LETTER";
                        /**
                         * @default previous_days
                         * @enum {string}
                         */
                        periodMode?: "previous_days" | "to_date";
                        recipients?: {
                            bcc?: string[];
                            cc?: string[];
                            to?: string[];
                        };
                        /** @default true */
                        reportChanges?: boolean;
                        /** @default null */
                        senderName?: string | null;
                        /** @default 09:00 */
                        sendTime?: string;
                        /** @default Asia/Manila */
                        timezone?: string;
                        /**
                         * @default null
                         * @enum {string|null}
                         */
                        weekday?: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description YYYY-MM-DD: every_3_days counts from it; null otherwise */
                            anchorDate: string | null;
                            /** @description A PDF of the report goes with the email, beside the workbook */
                            attachPdf: boolean;
                            /** @description ISO 8601 instant (UTC) */
                            createdAt: string;
                            cronExpression: string | null;
                            /** @description When it sends, in words: "Weekly on Monday at 08:00, Asia/Manila" */
                            description: string;
                            /** @enum {string} */
                            emptyPeriodPolicy: "send" | "skip" | "note";
                            enabled: boolean;
                            /** @description When the schedule was last switched on; catch-up never reaches before it */
                            enabledAt: string | null;
                            /** @enum {string} */
                            frequency: "daily" | "every_3_days" | "weekly" | "cron";
                            id: string;
                            /** @description The schedule’s newest delivery (scheduled, catch-up, manual or test); null before its first */
                            lastDelivery: {
                                /** @description ISO 8601 instant (UTC) */
                                createdAt: string;
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                                /** @enum {string} */
                                trigger: "scheduled" | "catch_up" | "manual" | "test";
                            } | null;
                            /** @description ISO 8601 instant (UTC) */
                            lastSentAt: string | null;
                            name: string;
                            /** @description Kept by the scheduler: updated once it has synced a change */
                            nextRunAt: string | null;
                            /** @enum {string} */
                            pdfPageSize: "A4" | "LETTER";
                            /** @enum {string} */
                            periodMode: "previous_days" | "to_date";
                            recipients: {
                                bcc: string[];
                                cc: string[];
                                to: string[];
                            };
                            /** @description Each report lists the payments that changed this schedule's reports of the last 31 days */
                            reportChanges: boolean;
                            senderName: string | null;
                            sendTime: string;
                            timezone: string;
                            /** @description ISO 8601 instant (UTC) */
                            updatedAt: string;
                            /**
                             * @description The day weekly schedules run on; null otherwise
                             * @enum {string|null}
                             */
                            weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One schedule
         * @description Any signed-in user (viewer or admin).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description YYYY-MM-DD: every_3_days counts from it; null otherwise */
                            anchorDate: string | null;
                            /** @description A PDF of the report goes with the email, beside the workbook */
                            attachPdf: boolean;
                            /** @description ISO 8601 instant (UTC) */
                            createdAt: string;
                            cronExpression: string | null;
                            /** @description When it sends, in words: "Weekly on Monday at 08:00, Asia/Manila" */
                            description: string;
                            /** @enum {string} */
                            emptyPeriodPolicy: "send" | "skip" | "note";
                            enabled: boolean;
                            /** @description When the schedule was last switched on; catch-up never reaches before it */
                            enabledAt: string | null;
                            /** @enum {string} */
                            frequency: "daily" | "every_3_days" | "weekly" | "cron";
                            id: string;
                            /** @description The schedule’s newest delivery (scheduled, catch-up, manual or test); null before its first */
                            lastDelivery: {
                                /** @description ISO 8601 instant (UTC) */
                                createdAt: string;
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                                /** @enum {string} */
                                trigger: "scheduled" | "catch_up" | "manual" | "test";
                            } | null;
                            /** @description ISO 8601 instant (UTC) */
                            lastSentAt: string | null;
                            name: string;
                            /** @description Kept by the scheduler: updated once it has synced a change */
                            nextRunAt: string | null;
                            /** @enum {string} */
                            pdfPageSize: "A4" | "LETTER";
                            /** @enum {string} */
                            periodMode: "previous_days" | "to_date";
                            recipients: {
                                bcc: string[];
                                cc: string[];
                                to: string[];
                            };
                            /** @description Each report lists the payments that changed this schedule's reports of the last 31 days */
                            reportChanges: boolean;
                            senderName: string | null;
                            sendTime: string;
                            timezone: string;
                            /** @description ISO 8601 instant (UTC) */
                            updatedAt: string;
                            /**
                             * @description The day weekly schedules run on; null otherwise
                             * @enum {string|null}
                             */
                            weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Replace a schedule
         * @description **Admins only**: a viewer gets 403.
         *
         *     Replaces every editable field: a field left out takes its default, as on create. An enabled schedule with an enabled Slack or webhook may have no "to" recipient: its reports are then posted only.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default null */
                        anchorDate?: string | null;
                        /** @default false */
                        attachPdf?: boolean;
                        /** @default null */
                        cronExpression?: string | null;
                        /**
                         * @default send
                         * @enum {string}
                         */
                        emptyPeriodPolicy?: "send" | "skip" | "note";
                        /** @default false */
                        enabled?: boolean;
                        /** @enum {string} */
                        frequency: "daily" | "every_3_days" | "weekly" | "cron";
                        name: string;
                        /**
                         * @default A4
                         * @enum {string}
                         */
                        pdfPageSize?: "A4" | "LETTER";
                        /**
                         * @default previous_days
                         * @enum {string}
                         */
                        periodMode?: "previous_days" | "to_date";
                        recipients?: {
                            bcc?: string[];
                            cc?: string[];
                            to?: string[];
                        };
                        /** @default true */
                        reportChanges?: boolean;
                        /** @default null */
                        senderName?: string | null;
                        /** @default 09:00 */
                        sendTime?: string;
                        /** @default Asia/Manila */
                        timezone?: string;
                        /**
                         * @default null
                         * @enum {string|null}
                         */
                        weekday?: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description YYYY-MM-DD: every_3_days counts from it; null otherwise */
                            anchorDate: string | null;
                            /** @description A PDF of the report goes with the email, beside the workbook */
                            attachPdf: boolean;
                            /** @description ISO 8601 instant (UTC) */
                            createdAt: string;
                            cronExpression: string | null;
                            /** @description When it sends, in words: "Weekly on Monday at 08:00, Asia/Manila" */
                            description: string;
                            /** @enum {string} */
                            emptyPeriodPolicy: "send" | "skip" | "note";
                            enabled: boolean;
                            /** @description When the schedule was last switched on; catch-up never reaches before it */
                            enabledAt: string | null;
                            /** @enum {string} */
                            frequency: "daily" | "every_3_days" | "weekly" | "cron";
                            id: string;
                            /** @description The schedule’s newest delivery (scheduled, catch-up, manual or test); null before its first */
                            lastDelivery: {
                                /** @description ISO 8601 instant (UTC) */
                                createdAt: string;
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                                /** @enum {string} */
                                trigger: "scheduled" | "catch_up" | "manual" | "test";
                            } | null;
                            /** @description ISO 8601 instant (UTC) */
                            lastSentAt: string | null;
                            name: string;
                            /** @description Kept by the scheduler: updated once it has synced a change */
                            nextRunAt: string | null;
                            /** @enum {string} */
                            pdfPageSize: "A4" | "LETTER";
                            /** @enum {string} */
                            periodMode: "previous_days" | "to_date";
                            recipients: {
                                bcc: string[];
                                cc: string[];
                                to: string[];
                            };
                            /** @description Each report lists the payments that changed this schedule's reports of the last 31 days */
                            reportChanges: boolean;
                            senderName: string | null;
                            sendTime: string;
                            timezone: string;
                            /** @description ISO 8601 instant (UTC) */
                            updatedAt: string;
                            /**
                             * @description The day weekly schedules run on; null otherwise
                             * @enum {string|null}
                             */
                            weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a schedule
         * @description **Admins only**: a viewer gets 403.
         *
         *     Its deliveries stay in the log, no longer linked to a schedule.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Switch a schedule on or off
         * @description **Admins only**: a viewer gets 403.
         *
         *     Switching on records when (catch-up never sends runs from before it) and needs a "to" recipient or an enabled Slack or webhook; switching off keeps the schedule. The reply’s `nextRunAt` is already true after the change (null when off).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description YYYY-MM-DD: every_3_days counts from it; null otherwise */
                            anchorDate: string | null;
                            /** @description A PDF of the report goes with the email, beside the workbook */
                            attachPdf: boolean;
                            /** @description ISO 8601 instant (UTC) */
                            createdAt: string;
                            cronExpression: string | null;
                            /** @description When it sends, in words: "Weekly on Monday at 08:00, Asia/Manila" */
                            description: string;
                            /** @enum {string} */
                            emptyPeriodPolicy: "send" | "skip" | "note";
                            enabled: boolean;
                            /** @description When the schedule was last switched on; catch-up never reaches before it */
                            enabledAt: string | null;
                            /** @enum {string} */
                            frequency: "daily" | "every_3_days" | "weekly" | "cron";
                            id: string;
                            /** @description The schedule’s newest delivery (scheduled, catch-up, manual or test); null before its first */
                            lastDelivery: {
                                /** @description ISO 8601 instant (UTC) */
                                createdAt: string;
                                id: string;
                                /** @enum {string} */
                                status: "pending" | "generating" | "sending" | "sent" | "failed" | "unknown" | "skipped";
                                /** @enum {string} */
                                trigger: "scheduled" | "catch_up" | "manual" | "test";
                            } | null;
                            /** @description ISO 8601 instant (UTC) */
                            lastSentAt: string | null;
                            name: string;
                            /** @description Kept by the scheduler: updated once it has synced a change */
                            nextRunAt: string | null;
                            /** @enum {string} */
                            pdfPageSize: "A4" | "LETTER";
                            /** @enum {string} */
                            periodMode: "previous_days" | "to_date";
                            recipients: {
                                bcc: string[];
                                cc: string[];
                                to: string[];
                            };
                            /** @description Each report lists the payments that changed this schedule's reports of the last 31 days */
                            reportChanges: boolean;
                            senderName: string | null;
                            sendTime: string;
                            timezone: string;
                            /** @description ISO 8601 instant (UTC) */
                            updatedAt: string;
                            /**
                             * @description The day weekly schedules run on; null otherwise
                             * @enum {string|null}
                             */
                            weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/schedules/{id}/next-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * When the schedule will run next, and the period each run reports on
         * @description Any signed-in user (viewer or admin).
         *
         *     Computed with the scheduler’s own functions. A schedule that is off sends nothing: `enabled` is false, `runs` empty and `note` says so.
         */
        get: {
            parameters: {
                query?: {
                    /** @description ISO instant to count from (default: now) */
                    after?: string;
                    count?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enabled: boolean;
                            /** @description Why there are no runs, when there are none */
                            note: string | null;
                            runs: {
                                /** @description ISO instant */
                                at: string;
                                /** @description YYYY-MM-DD HH:mm in the schedule time zone */
                                local: string;
                                period: {
                                    /** @description ISO instant, exclusive */
                                    end: string;
                                    label: string;
                                    /** @description ISO instant, inclusive */
                                    start: string;
                                };
                                timezone: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The report email (HTML) the schedule would send for a period
         * @description Any signed-in user (viewer or admin).
         *
         *     Nothing is sent or logged. Default: the current period; at most 92 days.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Local calendar date, 1970-01-01 to 2199-12-31 */
                    from?: string;
                    /** @description Local calendar date, 1970-01-01 to 2199-12-31 */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The email’s HTML */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/preview.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The workbook the schedule would attach for a period
         * @description Any signed-in user (viewer or admin).
         *
         *     Nothing is sent or logged. Default: the current period; at most 92 days.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Local calendar date, 1970-01-01 to 2199-12-31 */
                    from?: string;
                    /** @description Local calendar date, 1970-01-01 to 2199-12-31 */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The workbook */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the report now to the schedule’s recipients
         * @description **Admins only**: a viewer gets 403.
         *
         *     For the local dates from–to (inclusive, in the schedule’s zone) or, without a body, for the period a run right now would report on. At most 366 days, not starting in the future. Pressed again for the same period within 60 s it answers with the first delivery (`idempotent-replayed: true`) unless `force` is true.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeating a send with the same key (for 24 h) answers as the first time, with `idempotent-replayed: true`, and sends nothing more; the same key with another request is a 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Send even if the same period was sent now within 60 s (default false) */
                        force?: boolean;
                        /**
                         * Format: date
                         * @description Local calendar date, 1970-01-01 to 2199-12-31
                         * @example 2026-03-01
                         */
                        from?: string;
                        /**
                         * Format: date
                         * @description Local calendar date, 1970-01-01 to 2199-12-31
                         * @example 2026-03-01
                         */
                        to?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveryId: string;
                            period: {
                                /** @description ISO instant, exclusive */
                                end: string;
                                label: string;
                                /** @description ISO instant, inclusive */
                                start: string;
                                timezone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test of the current period to one address
         * @description **Admins only**: a viewer gets 403.
         *
         *     Only that address receives it, with [TEST] in the subject.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Repeating a send with the same key (for 24 h) answers as the first time, with `idempotent-replayed: true`, and sends nothing more; the same key with another request is a 409 */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveryId: string;
                            period: {
                                /** @description ISO instant, exclusive */
                                end: string;
                                label: string;
                                /** @description ISO instant, inclusive */
                                start: string;
                                timezone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A schedule's webhooks
         * @description Any signed-in user (viewer or admin).
         *
         *     The URL and signing secret are write-only: stored encrypted, never returned (`urlHint`, `signingSecretSet`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                enabled: boolean;
                                id: string;
                                /** @enum {string} */
                                kind: "slack" | "webhook";
                                label: string;
                                scheduleId: string;
                                signingSecretSet: boolean;
                                updatedAt: string;
                                urlHint: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a Slack or generic webhook to a schedule (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     `slack`: a Slack incoming webhook, posted a Block Kit message. `webhook`: a signed JSON document (see the README's "Slack and webhooks"); it needs a `signingSecret`. The URL must be https and resolve to public addresses only (unless ALLOW_PRIVATE_WEBHOOKS is set); a Slack URL must be on hooks.slack.com. Refusals name `body.url`. The URL and signing secret are write-only: stored encrypted, never returned (`urlHint`, `signingSecretSet`). At most 10 per schedule (409). Records a `webhook.create` audit entry.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        /** @enum {string} */
                        kind: "slack" | "webhook";
                        /** @description What admins call it, e.g. "#owners on Slack" */
                        label: string;
                        /** @description Write-only; required for kind webhook, refused for slack */
                        signingSecret?: string;
                        /** @description Write-only. Slack: the incoming webhook URL (https://hooks.slack.com/services/…) */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "slack" | "webhook";
                            label: string;
                            scheduleId: string;
                            signingSecretSet: boolean;
                            updatedAt: string;
                            urlHint: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a webhook (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Its deliveries stay in the log under its label; one still being posted ends failed. Records a `webhook.delete` audit entry.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a webhook (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Changes the fields given; omitted ones (the URL, the secret) stay. The URL must be https and resolve to public addresses only (unless ALLOW_PRIVATE_WEBHOOKS is set); a Slack URL must be on hooks.slack.com. Refusals name `body.url`. Records a `webhook.update` audit entry (`urlChanged`, `signingSecretChanged`, never the values).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        label?: string;
                        /** @description Write-only; omitted keeps the saved one (generic webhooks) */
                        signingSecret?: string;
                        /** @description Write-only; omitted keeps the saved one */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            enabled: boolean;
                            id: string;
                            /** @enum {string} */
                            kind: "slack" | "webhook";
                            label: string;
                            scheduleId: string;
                            signingSecretSet: boolean;
                            updatedAt: string;
                            urlHint: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/schedules/{id}/webhooks/{webhookId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a test message to a webhook (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Posts a short test message (Slack) or a signed `webhook.test` document through the same guard and signature as reports, and answers 200 `{ok, status, message}` with how the receiver answered. Writes no delivery; counts against the per-user send limit; records a `webhook.test` audit entry.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            ok: boolean;
                            status: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/timing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What a timing means, before it is saved
         * @description Any signed-in user (viewer or admin).
         *
         *     For a schedule being edited: the words for its timing, its next runs with the period and email subject of each, and the period a send now would cover, from the scheduler’s own functions. Takes and checks the timing fields as POST /v1/schedules does (errors name `body.<field>`); writes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO instant the answer is computed for, instead of now: runs after it, the period of a send then
                         */
                        after?: string;
                        /** @default null */
                        anchorDate?: string | null;
                        /** @default 5 */
                        count?: number;
                        /** @default null */
                        cronExpression?: string | null;
                        /** @enum {string} */
                        frequency: "daily" | "every_3_days" | "weekly" | "cron";
                        /**
                         * @default previous_days
                         * @enum {string}
                         */
                        periodMode?: "previous_days" | "to_date";
                        /** @default 09:00 */
                        sendTime?: string;
                        /** @default Asia/Manila */
                        timezone?: string;
                        /**
                         * @default null
                         * @enum {string|null}
                         */
                        weekday?: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When it sends, in words */
                            description: string;
                            runs: {
                                /** @description ISO instant */
                                at: string;
                                /** @description YYYY-MM-DD HH:mm in the schedule time zone */
                                local: string;
                                period: {
                                    /** @description ISO instant, exclusive */
                                    end: string;
                                    label: string;
                                    /** @description ISO instant, inclusive */
                                    start: string;
                                    timezone: string;
                                };
                                /** @description The from/to the preview routes take for exactly this period; null when they cannot show it (a period that is not whole local days, starts after today, or is over 92 days) */
                                preview: {
                                    /**
                                     * Format: date
                                     * @description Local calendar date, 1970-01-01 to 2199-12-31
                                     * @example 2026-03-01
                                     */
                                    from: string;
                                    /**
                                     * Format: date
                                     * @description Local calendar date, 1970-01-01 to 2199-12-31
                                     * @example 2026-03-01
                                     */
                                    to: string;
                                } | null;
                                /** @description The subject of this run’s report email */
                                subject: string;
                            }[];
                            /** @description The period a send now (or a test) would report on */
                            sendNow: {
                                /** @description ISO instant, exclusive */
                                end: string;
                                label: string;
                                /** @description ISO instant, inclusive */
                                start: string;
                                timezone: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/smtp-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The outgoing mail server settings
         * @description Any signed-in user (viewer or admin).
         *
         *     Never returns the password: `passwordSet` tells whether one is saved. Answers 404 NOT_FOUND ("SMTP is not configured yet") until the settings are first saved.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adminAddress: string | null;
                            fromAddress: string;
                            fromName: string;
                            host: string;
                            passwordSet: boolean;
                            port: number;
                            /** @enum {string} */
                            security: "none" | "starttls" | "tls";
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: uuid */
                            updatedBy: string | null;
                            username: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        /**
         * Save the outgoing mail server settings (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Replaces the settings. `password` is write-only: omitted or blank keeps the saved one, but only while the host stays the same (a new host needs the password again). A password needs a username; no username means no SMTP AUTH and removes the saved password. The host must resolve, and unless ALLOW_PRIVATE_SMTP is set none of its addresses may be loopback, private, link-local, unspecified or a cloud metadata address (400 naming body.host). Records an `smtp.update` audit entry with the names of the changed fields and `passwordChanged`.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adminAddress?: string | null;
                        fromAddress: string;
                        /** @default Reports */
                        fromName?: string;
                        host: string;
                        password?: string | null;
                        port: number;
                        /** @enum {string} */
                        security: "none" | "starttls" | "tls";
                        username?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adminAddress: string | null;
                            fromAddress: string;
                            fromName: string;
                            host: string;
                            passwordSet: boolean;
                            port: number;
                            /** @enum {string} */
                            security: "none" | "starttls" | "tls";
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: uuid */
                            updatedBy: string | null;
                            username: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/smtp-settings/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test connecting and logging in to the mail server (admin)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Uses the saved settings, with any field given in the body laid over them, so settings can be tested before saving (a blank password means the saved one, for the saved host only). Connects, upgrades to TLS as configured and logs in; sends no mail. Answers 200 `{ok: true, login, note}` (`login: not_tested` with a note when the server offers no AUTH, so a username and password could not be tried), or 200 `{ok: false, code, hint, field, serverMessage}` with what to change and `field`, the setting it is about (host, port, security, username or password; null when no one setting is). The host must resolve, and unless ALLOW_PRIVATE_SMTP is set none of its addresses may be loopback, private, link-local, unspecified or a cloud metadata address (400 naming body.host). Counts against the per-user send limit; records an `smtp.verify` audit entry.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        adminAddress?: string | null;
                        fromAddress?: string;
                        fromName?: string;
                        host?: string;
                        password?: string | null;
                        port?: number;
                        /** @enum {string} */
                        security?: "none" | "starttls" | "tls";
                        username?: string | null;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description accepted; not_tested: the server offers no AUTH, the credentials were not tried; not_used: no username
                             * @enum {string}
                             */
                            login: "accepted" | "not_tested" | "not_used";
                            /** @description Why the login was not tested, when it was not */
                            note: string | null;
                            /** @enum {boolean} */
                            ok: true;
                        } | {
                            /** @enum {string} */
                            code: "AUTH_FAILED" | "TLS_MODE_MISMATCH" | "STARTTLS_UNAVAILABLE" | "CERTIFICATE" | "CONNECTION_REFUSED" | "HOST_NOT_FOUND" | "TIMEOUT" | "CONNECTION_CLOSED" | "SERVER_REJECTED" | "UNKNOWN";
                            /**
                             * @description The settings field the hint is about (to show it beside that input); null when none is
                             * @enum {string|null}
                             */
                            field: "host" | "port" | "security" | "username" | "password" | null;
                            hint: string;
                            /** @enum {boolean} */
                            ok: false;
                            serverMessage: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users who can sign in (never their password hashes)
         * @description **Admins only**: a viewer gets 403.
         */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                id: string;
                                /** @enum {string} */
                                role: "admin" | "viewer";
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a user (the email is unique whatever its case)
         * @description **Admins only**: a viewer gets 403.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "viewer";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a role or disable/enable a user (takes effect on their next request)
         * @description **Admins only**: a viewer gets 403.
         *
         *     Nobody demotes or disables themselves, and the last active admin stays (409).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        /** @enum {string} */
                        role?: "admin" | "viewer";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            id: string;
                            /** @enum {string} */
                            role: "admin" | "viewer";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set another user's password (admin), e.g. when they forgot it
         * @description **Admins only**: a viewer gets 403.
         *
         *     Same rule as a new user's password. Your own password is changed with PUT /v1/me/password, which asks for the current one (409 here). Tokens the user already holds stay valid until they expire: disable the user to end their access at once. Records a `user.password_reset` audit entry (never the password).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            details: {
                                field: string;
                                message: string;
                            }[];
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
