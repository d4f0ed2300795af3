# syntax=docker/dockerfile:1
# Build: docker build -t interviewbot .
# Run:   docker run -d --name interviewbot -e DISCORD_TOKEN=... -v interviewbot-data:/data \
#          --read-only --tmpfs /tmp interviewbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so the layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig InterviewBot.sln ./
COPY src/InterviewBot/InterviewBot.csproj src/InterviewBot/
COPY src/InterviewBot.Core/InterviewBot.Core.csproj src/InterviewBot.Core/
COPY src/InterviewBot.Discord/InterviewBot.Discord.csproj src/InterviewBot.Discord/
RUN dotnet restore src/InterviewBot/InterviewBot.csproj
COPY src/ src/
COPY questions/ questions/
RUN dotnet publish src/InterviewBot/InterviewBot.csproj -c Release --no-restore -o /app \
    && dotnet /app/interviewbot.dll questions check /app/questions

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_ENVIRONMENT=Production \
    InterviewBot__DataDirectory=/data \
    InterviewBot__HealthPort=8080 \
    DOTNET_EnableDiagnostics=0
# The token comes only from the environment (DISCORD_TOKEN); nothing secret is baked into the image.
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
# The image's built-in non-root user.
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["dotnet", "/app/interviewbot.dll", "health", "--port", "8080"]
ENTRYPOINT ["dotnet", "/app/interviewbot.dll"]
