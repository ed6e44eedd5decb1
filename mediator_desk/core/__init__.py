"""The domain core: pure Python, no Qt. Open a database with :class:`mediator_desk.core.desk.Desk`."""
