/**
 * The shop columns the CLI writes with COPY, in COPY order, for the seed and the Flask import alike
 * (our shop tables keep the old system's names).
 */
export const SHOP_COLUMNS: Record<
  'customer' | 'product' | 'sale' | 'sale_item' | 'sale_payment' | 'device' | 'repair_payment',
  string[]
> = {
  customer: ['id', 'name', 'business_name', 'email', 'phone'],
  product: ['id', 'name'],
  sale: [
    'id',
    'invoice_no',
    'customer_id',
    'status',
    'claimed_on_credit',
    'subtotal',
    'discount',
    'total',
    'created_at',
  ],
  sale_item: ['id', 'sale_id', 'product_id', 'qty', 'unit_price', 'line_total', 'revoked_at'],
  sale_payment: ['id', 'sale_id', 'amount', 'method', 'paid_at'],
  device: [
    'id',
    'ticket_number',
    'customer_id',
    'device_type',
    'status',
    'is_archived',
    'actual_completion',
    'total_cost',
    'deposit_paid',
    'payment_status',
    'claimed_on_credit',
    'charge_waived',
    'created_at',
  ],
  repair_payment: ['id', 'device_id', 'amount', 'method', 'paid_at'],
};
