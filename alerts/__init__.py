"""Email alerts: subscriptions without accounts, and the queue that sends them once."""
