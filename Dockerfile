# The bot as a small non-root image: `docker build -t laos-russia-bot .`
# The knowledge base is mounted over /app/knowledge (KNOWLEDGE_DIR) to edit it without a rebuild.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY knowledge ./knowledge
# The production install: the fast extra (aiohttp, orjson, uvloop) is what the load figures measure.
RUN pip install --no-cache-dir --prefix=/install ".[shared,fast]"

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 bot && mkdir -p /app/data && chown bot:bot /app/data
COPY --from=build /install /usr/local
COPY --chown=bot:bot knowledge /app/knowledge
WORKDIR /app
USER bot
ENV KNOWLEDGE_DIR=/app/knowledge \
    BOT_DB=/app/data/questions.sqlite3 \
    BOT_CACHE_DIR=/app/data/cache \
    PORT=8443 \
    PYTHONUNBUFFERED=1
VOLUME ["/app/data"]
EXPOSE 8443
HEALTHCHECK --interval=15s --timeout=3s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=2)"
CMD ["python", "-m", "bot", "--webhook"]
