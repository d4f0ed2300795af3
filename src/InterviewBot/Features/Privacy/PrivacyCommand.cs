using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Privacy;

/// <summary>
/// <c>/privacy export</c> (the member's data in this server as a JSON file, ephemeral) and <c>/privacy delete</c>
/// (asks for confirmation with a button; <see cref="PrivacyButtons"/> does the deletion).
/// </summary>
public sealed class PrivacyCommand(IMemberDataStore memberData, IStatsStore stats, TimeProvider time) : ICommandHandler
{
    public const string Feature = "privacy";
    public const string ConfirmDeleteAction = "delete";
    public const string CancelAction = "cancel";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "privacy",
        Description = "See or delete what the bot stores about you in this server.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "export", Description = "Get your answers, reviews and stats in this server as a JSON file." },
            new ApplicationCommandOption { Type = ApplicationCommandOptionType.SubCommand, Name = "delete", Description = "Delete your answers, reviews and stats in this server (asks to confirm)." },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Data.GetCommandPath().Path)
        {
            case "privacy export":
                await ExportAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "privacy delete":
                await context.ReplyAsync(ConfirmationMessage(context.UserId), cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("Use `/privacy export` or `/privacy delete`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public static MessageCreate ConfirmationMessage(ulong userId) => new()
    {
        Content = "This deletes **your answers** (and the reviews of them), **the reviews and votes you gave**, your interview "
            + "sessions, practice schedule, suggestions and settings **in this server**, so your stats start from zero. It cannot be undone.\n"
            + "Your messages in Discord threads are not touched (delete them yourself if you wish); the bot will not store the ones "
            + "you wrote before now again.",
        Components =
        [
            ActionRow.Of(
                new Button { Style = ButtonStyle.Danger, Label = "Delete my data", CustomId = CustomId.Format(Feature, ConfirmDeleteAction, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                new Button { Style = ButtonStyle.Secondary, Label = "Cancel", CustomId = CustomId.Format(Feature, CancelAction, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) }),
        ],
    };

    private async Task ExportAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        // Reading everything can take a while on a busy database: acknowledge first.
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var document = new PrivacyExportDocument
        {
            ExportedAt = time.GetUtcNow(),
            Data = await memberData.ExportAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false),
            Stats = await stats.GetMemberStatsAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false),
        };
        var json = PrivacyExport.ToJson(document);
        await context.Rest.EditOriginalResponseAsync(
            context.Interaction.ApplicationId,
            context.Interaction.Token,
            new MessageEdit
            {
                Content = $"Everything the bot stores about you in this server: {document.Data.Answers.Count} answer(s), "
                    + $"{document.Data.ReviewsGiven.Count} review(s) given, {document.Data.ReviewsReceived.Count} received.",
            },
            new FileUpload(PrivacyExport.FileName, json, "application/json"),
            cancellationToken).ConfigureAwait(false);
    }
}
