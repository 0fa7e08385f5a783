"""The customer-facing screen at a counter, where citizens rate the service they just had."""
