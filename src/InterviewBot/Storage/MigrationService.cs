using Microsoft.Extensions.Hosting;

namespace InterviewBot.Storage;

/// <summary>
/// Brings the database schema up to date in <see cref="StartAsync"/>. The host starts hosted services one after
/// another in registration order, so registering this first means nothing touches the database (or connects to
/// the gateway) before the schema is current. Throws <see cref="DatabaseNewerThanCodeException"/> or
/// <see cref="MigrationFailedException"/>.
/// </summary>
public sealed class MigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
