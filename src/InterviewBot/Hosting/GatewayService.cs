using System.Threading.Channels;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Gateway;
using InterviewBot.Features.Answers;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Reveal;
using InterviewBot.Health;
using InterviewBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Hosting;

/// <summary>
/// Runs the gateway and routes its events: interactions run concurrently (bounded) so a slow one never delays
/// another's 3-second acknowledgement; message events go to a few workers partitioned by channel, so one thread's
/// create/edit/delete stay in order while threads proceed in parallel. On the first READY the commands are
/// registered and overdue reveals finished; after every READY (a new session: events may have been missed) open
/// threads are back-filled.
/// </summary>
public sealed partial class GatewayService(
    IDiscordGateway gateway,
    InteractionDispatcher interactions,
    AnswerCollector answers,
    OpenThreads openThreads,
    IPromptStore prompts,
    CommandRegistrar registrar,
    ThreadBackfill backfill,
    RevealService reveals,
    BotMetrics metrics,
    BotExit exit,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayService> logger) : BackgroundService
{
    // Each worker waits for its message to be committed before the next, so the number of workers bounds how many answers
    // the single writer can group into one transaction (docs/performance.md, item 2).
    private const int MessageWorkers = 32;
    /// <summary>Interactions started but not yet acknowledged (or answered); the router waits when all are taken.</summary>
    private const int MaxUnacknowledgedInteractions = 64;

    /// <summary>Deferred interactions doing their slow work (posting, storing) at once; the rest wait, already acknowledged.</summary>
    private const int MaxDeferredWork = 64;

    private readonly SemaphoreSlim _interactionSlots = new(MaxUnacknowledgedInteractions);
    private readonly SemaphoreSlim _deferredWorkSlots = new(MaxDeferredWork);
    private readonly List<Task> _background = [];
    private bool _commandsRegistered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var prompt in await prompts.ListOpenAsync(stoppingToken).ConfigureAwait(false))
        {
            openThreads.Open(prompt);
        }

        var workers = Enumerable.Range(0, MessageWorkers)
            .Select(_ => System.Threading.Channels.Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();
        var workerTasks = workers.Select(w => Task.Run(() => RunMessageWorkerAsync(w.Reader, stoppingToken), stoppingToken)).ToList();
        var reactions = Task.Run(() => answers.RunReactionsAsync(stoppingToken), stoppingToken);
        var checkpointing = Task.Run(() => FlushCheckpointsPeriodicallyAsync(stoppingToken), stoppingToken);
        var connection = gateway.RunAsync(stoppingToken);

        try
        {
            await foreach (var gatewayEvent in gateway.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                metrics.EventReceived(gatewayEvent);
                switch (gatewayEvent)
                {
                    case InteractionCreateEvent e:
                        await _interactionSlots.WaitAsync(stoppingToken).ConfigureAwait(false);
                        _ = RunInteractionAsync(e.Interaction, stoppingToken);
                        break;
                    case MessageCreateEvent e:
                        await workers[Partition(e.Message.ChannelId)].Writer.WriteAsync(e, stoppingToken).ConfigureAwait(false);
                        break;
                    case MessageUpdateEvent e:
                        await workers[Partition(e.Message.ChannelId)].Writer.WriteAsync(e, stoppingToken).ConfigureAwait(false);
                        break;
                    case MessageDeleteEvent e:
                        await workers[Partition(e.ChannelId)].Writer.WriteAsync(e, stoppingToken).ConfigureAwait(false);
                        break;
                    case ReadyEvent e:
                        OnReady(e, stoppingToken);
                        break;
                }
            }

            await connection.ConfigureAwait(false);
        }
        catch (GatewayFatalException e)
        {
            LogFatal(logger, e.Message);
            exit.Fail(e.Message);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Writer.TryComplete();
            }

            await Task.WhenAll(workerTasks.Concat(_background).Append(reactions).Append(checkpointing).Select(IgnoreCancellationAsync)).ConfigureAwait(false);
            await answers.FlushCheckpointsAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _interactionSlots.Dispose();
        _deferredWorkSlots.Dispose();
        base.Dispose();
    }

    private static int Partition(Snowflake channelId) => (int)(channelId.Value % MessageWorkers);

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Runs one interaction. Its slot among the unacknowledged is given back as soon as the handler defers, and the
    /// slow work after the deferral waits for one of the deferred-work slots instead: so a burst whose posting is slow
    /// (Discord calls, SQLite, the reveal trigger) no longer holds up the acknowledgement of the interactions behind it.
    /// </summary>
    private async Task RunInteractionAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var acknowledgedSlotReleased = 0;
        var holdsWorkSlot = false;
        void ReleaseUnacknowledgedSlot()
        {
            if (Interlocked.Exchange(ref acknowledgedSlotReleased, 1) == 0)
            {
                _interactionSlots.Release();
            }
        }

        try
        {
            await Task.Yield();
            await interactions.DispatchAsync(
                interaction,
                async token =>
                {
                    ReleaseUnacknowledgedSlot();
                    await _deferredWorkSlots.WaitAsync(token).ConfigureAwait(false);
                    holdsWorkSlot = true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            ReleaseUnacknowledgedSlot();
            if (holdsWorkSlot)
            {
                _deferredWorkSlots.Release();
            }
        }
    }

    private async Task RunMessageWorkerAsync(ChannelReader<GatewayEvent> reader, CancellationToken cancellationToken)
    {
        await foreach (var gatewayEvent in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            using var scope = gatewayEvent switch
            {
                MessageCreateEvent e => logger.BeginMessageScope(e.Message.GuildId?.Value, e.Message.ChannelId.Value, e.Message.Id.Value),
                MessageUpdateEvent e => logger.BeginMessageScope(e.Message.GuildId?.Value, e.Message.ChannelId.Value, e.Message.Id.Value),
                MessageDeleteEvent e => logger.BeginMessageScope(e.GuildId?.Value, e.ChannelId.Value, e.Id.Value),
                _ => null,
            };
            try
            {
                switch (gatewayEvent)
                {
                    case MessageCreateEvent e:
                        await answers.OnMessageCreatedAsync(e.Message, cancellationToken).ConfigureAwait(false);
                        break;
                    case MessageUpdateEvent e:
                        await answers.OnMessageUpdatedAsync(e.Message, cancellationToken).ConfigureAwait(false);
                        break;
                    case MessageDeleteEvent e:
                        await answers.OnMessageDeletedAsync(e.ChannelId, e.Id, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A message that cannot be stored now is picked up by the next back-fill; never stop the worker.
                LogMessageFailed(logger, e);
            }
        }
    }

    private void OnReady(ReadyEvent ready, CancellationToken cancellationToken)
    {
        var firstReady = !_commandsRegistered;
        _commandsRegistered = true;
        lock (_background)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        if (firstReady)
                        {
                            var applicationId = ready.ApplicationId ?? throw new InvalidOperationException("READY without an application id");
                            await registrar.RegisterAsync(applicationId, cancellationToken).ConfigureAwait(false);
                            await reveals.RevealOverdueAsync(cancellationToken).ConfigureAwait(false);
                        }

                        await backfill.RunAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogReadyWorkFailed(logger, e);
                    }
                },
                cancellationToken));
        }
    }

    private async Task FlushCheckpointsPeriodicallyAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await answers.FlushCheckpointsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMessageFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord refused the connection: {Reason}")]
    private static partial void LogFatal(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A message event could not be processed; back-fill will retry it")]
    private static partial void LogMessageFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Start-up work after READY failed (command registration, overdue reveals or back-fill)")]
    private static partial void LogReadyWorkFailed(ILogger logger, Exception exception);
}
