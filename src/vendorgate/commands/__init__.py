"""One click-free module per command: it builds the request, calls the services and renders
through the report registry."""
