"""Settings from the environment."""

from assistant.settings import load_settings


def test_offline_is_the_default_and_a_configured_endpoint_selects_openai():
    assert load_settings({}).backend == "offline"
    assert load_settings({"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}).backend == "openai"
    assert load_settings({"ASSISTANT_LOCAL_MODEL": "/m.gguf"}).backend == "local"
    assert load_settings({"ASSISTANT_BACKEND": "offline", "OPENAI_API_KEY": "k"}).backend == "offline"


def test_the_draft_year_comes_from_the_environment():
    assert load_settings({"ASSISTANT_DRAFT_YEAR": "2025"}).draft_year == 2025


def test_the_api_key_never_shows_in_the_settings_repr():
    settings = load_settings({"OPENAI_API_KEY": "sk-secret-123456"})
    assert settings.api_key == "sk-secret-123456" and "sk-secret" not in repr(settings)
