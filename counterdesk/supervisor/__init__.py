"""The supervisor window: statistics, charts, satisfaction and opinion follow-up, exports."""
