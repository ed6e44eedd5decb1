"""The Qt Widgets interface: the only package that imports PySide6.

Every database operation goes through :mod:`mediator_desk.gui.worker` (one worker thread);
screens refresh from the app-wide change signal. Start with :func:`mediator_desk.gui.app.run`.
"""
