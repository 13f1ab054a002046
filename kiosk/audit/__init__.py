"""The audit trail: the event catalogue, the durable recorder and the batch uploader."""
