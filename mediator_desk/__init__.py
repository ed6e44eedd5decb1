"""mediator_desk: an offline desktop application for people's mediation (人民调解)."""

__version__ = "0.1.0"
