"""The web page around the chat core: Gradio layout, thin handlers, API endpoints and the launcher."""
