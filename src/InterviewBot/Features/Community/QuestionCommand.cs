using System.Globalization;
using System.Text;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Discord.Rest;
using InterviewBot.Features.Interactions;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Community;

/// <summary>
/// <c>/question</c>: members suggest, list and show questions; staff (Manage Messages) add, edit, remove, import,
/// export and disable them (the review channel is set with <c>/config review_channel</c>). The command mixes member and staff
/// subcommands, so it has no default member permissions; every staff subcommand checks the member's permissions here.
/// </summary>
public sealed class QuestionCommand(
    QuestionCatalog catalog,
    ServerQuestions serverQuestions,
    SuggestionReview review,
    QuestionImport import,
    QuestionList list,
    AttachmentDownloader downloader,
    IGuildQuestionStore store) : ICommandHandler
{
    public const string ExportFileName = "server-questions.yaml";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "question",
        Description = "Suggest, browse and manage this server's interview questions.",
        Contexts = [InteractionContextType.Guild],
        Options =
        [
            Sub("suggest", "Suggest a question for this server (moderators review it)."),
            Sub("add", "Staff: add a server question directly."),
            Sub("edit", "Staff: edit a server question.", IdOption("The server question to edit")),
            Sub("remove", "Staff: remove a server question (past prompts keep showing it).", IdOption("The server question to remove")),
            Sub("import", "Staff: import server questions from a YAML file in the bank's format.", new ApplicationCommandOption
            {
                Type = ApplicationCommandOptionType.Attachment,
                Name = "file",
                Description = "A .yaml file (at most 1 MB) in the format of the question bank",
                Required = true,
            }),
            Sub("export", "Staff: download this server's questions as a YAML file."),
            Sub(
                "list",
                "List questions, ten per page.",
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.String,
                    Name = "category",
                    Description = "Only this category",
                    Autocomplete = true,
                    MaxLength = 40,
                },
                new ApplicationCommandOption
                {
                    Type = ApplicationCommandOptionType.String,
                    Name = "source",
                    Description = "The built-in bank or this server's own questions",
                    Choices = [ApplicationCommandOptionChoice.FromString("bank", QuestionList.Bank), ApplicationCommandOptionChoice.FromString("server", QuestionList.Server)],
                }),
            Sub("show", "Show one question.", IdOption("The question id")),
            Sub("disable", "Staff: keep a bank question out of this server's rotation.", IdOption("The bank question id")),
            Sub("enable", "Staff: put a disabled bank question back into rotation.", IdOption("The bank question id")),
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (path, _) = context.Data.GetCommandPath();
        var sub = path.StartsWith("question ", StringComparison.Ordinal) ? path["question ".Length..] : string.Empty;
        if (sub is "add" or "edit" or "remove" or "import" or "export" or "disable" or "enable" && !CommunityPermissions.IsStaff(context))
        {
            await context.ReplyAsync($"`/question {sub}` is for staff: it needs the **Manage Messages** permission.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (sub)
        {
            case "suggest":
                await SuggestAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "add":
                await QuestionForm.ShowAsync(context, CustomId.Format(CommunityIds.Feature, CommunityIds.AddSubmit), "Add a server question", null, cancellationToken).ConfigureAwait(false);
                break;
            case "edit":
                await EditAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "remove":
                await RemoveAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "import":
                await ImportAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "export":
                await ExportAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "list":
                await ListAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "show":
                await ShowAsync(context, cancellationToken).ConfigureAwait(false);
                break;
            case "disable":
            case "enable":
                await DisableAsync(context, sub == "disable", cancellationToken).ConfigureAwait(false);
                break;
            default:
                await context.ReplyAsync("Unknown subcommand; try `/help`.", cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    public async Task<IReadOnlyList<ApplicationCommandOptionChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var focused = context.Data.GetFocusedOption();
        var typed = (focused?.GetString() ?? string.Empty).Trim().ToLowerInvariant();
        var own = await serverQuestions.ListAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
        IEnumerable<string> values = focused?.Name == "category"
            ? catalog.Bank.Categories.Concat(own.Select(o => o.Question.Category)).Distinct(StringComparer.Ordinal)
            : own.Select(o => o.Question.Id).Concat(catalog.Bank.Questions.Select(q => q.Id));
        return [.. values
            .Where(v => v.Contains(typed, StringComparison.Ordinal))
            .OrderBy(v => v.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(v => v, StringComparer.Ordinal)
            .Take(25)
            .Select(v => ApplicationCommandOptionChoice.FromString(v, v))];
    }

    private static ApplicationCommandOption Sub(string name, string description, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options.Length == 0 ? null : options,
    };

    private static ApplicationCommandOption IdOption(string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = "id",
        Description = description,
        Required = true,
        Autocomplete = true,
        MaxLength = QuestionLimits.MaxIdLength,
    };

    private async Task SuggestAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await review.CheckCanSuggestAsync(context.GuildId, context.UserId, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            await context.ReplyAsync(refusal, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await QuestionForm.ShowAsync(context, CustomId.Format(CommunityIds.Feature, CommunityIds.SuggestSubmit), "Suggest a question", null, cancellationToken).ConfigureAwait(false);
    }

    private async Task EditAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var id = Id(context);
        var stored = await store.FindAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false);
        var question = stored is null ? null : serverQuestions.Read(stored.Body);
        if (question is null)
        {
            await context.ReplyAsync(NotAServerQuestion(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await QuestionForm.ShowAsync(context, CustomId.Format(CommunityIds.Feature, CommunityIds.EditSubmit, question.Id), "Edit a server question", QuestionForm.From(question), cancellationToken).ConfigureAwait(false);
    }

    private async Task RemoveAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var id = Id(context);
        var stored = await store.FindAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false);
        if (stored is null || !await store.DeleteAsync(stored.GuildQuestionId, cancellationToken).ConfigureAwait(false))
        {
            await context.ReplyAsync(NotAServerQuestion(id), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.ReplyAsync($"Removed `{id}`: it will not be asked again; past prompts and the archive still show it.", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ImportAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var attachmentId = context.Data.GetOption("file")?.GetSnowflake();
        var attachment = attachmentId is { } aid && context.Data.Resolved?.Attachments?.TryGetValue(aid, out var a) == true ? a : null;
        if (attachment is null)
        {
            await context.ReplyAsync("Attach a YAML file in the bank's format to `/question import`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (attachment.Size > AttachmentDownloader.MaxBytes)
        {
            await context.ReplyAsync($"`{attachment.Filename}` is larger than 1 MB; split it into smaller files.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        byte[]? content;
        try
        {
            content = await downloader.DownloadAsync(attachment, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            await context.ReplyAsync($"I could not download `{attachment.Filename}`; please try again.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (content is null)
        {
            await context.ReplyAsync($"`{attachment.Filename}` is larger than 1 MB; split it into smaller files.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var (imported, problems) = await import.ImportAsync(context.GuildId, attachment.Filename, content, context.UserId, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            await context.ReplyAsync(ProblemReport(attachment.Filename, problems), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var ids = string.Join(", ", imported.Take(20).Select(q => $"`{q.Id}`")) + (imported.Count > 20 ? ", …" : string.Empty);
        await context.ReplyAsync($"Imported {imported.Count} question{(imported.Count == 1 ? string.Empty : "s")}: {ids}", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ExportAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        await context.DeferAsync(ephemeral: true, cancellationToken).ConfigureAwait(false);
        var (yaml, count) = await import.ExportAsync(context.GuildId, cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            await context.ReplyAsync("This server has no questions of its own yet. Add some with `/question add` or `/question import`.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await context.Rest.EditOriginalResponseAsync(
            context.Interaction.ApplicationId,
            context.Interaction.Token,
            new MessageEdit { Content = $"This server's {count} question{(count == 1 ? string.Empty : "s")}, in the bank's format (`/question import` reads it back)." },
            new FileUpload(ExportFileName, Encoding.UTF8.GetBytes(yaml), "application/x-yaml"),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task ListAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var category = context.StringOption("category")?.Trim().ToLowerInvariant();
        var source = context.StringOption("source");
        var page = await list.RenderAsync(context.GuildId, string.IsNullOrEmpty(category) ? null : category, source, 0, cancellationToken).ConfigureAwait(false);
        await context.ReplyAsync(new MessageCreate { Embeds = page.Embeds, Components = page.Components }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task ShowAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var id = Id(context);
        var question = await catalog.FindAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false);
        var live = catalog.Bank.Find(id) is not null || await store.FindAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false) is not null;
        if (question is null)
        {
            await context.ReplyAsync($"There is no question `{DiscordText.Truncate(id, 64)}`. `/question list` shows them all.", cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var disabled = (await store.ListDisabledBankQuestionsAsync(context.GuildId, cancellationToken).ConfigureAwait(false)).Contains(id);
        var source = catalog.Bank.Find(id) is not null ? "bank" : live ? "server" : "server (removed)";
        var fields = new List<EmbedField>
        {
            new() { Name = "Category", Value = question.Category, Inline = true },
            new() { Name = "Difficulty", Value = question.Difficulty.ToName(), Inline = true },
            new() { Name = "Source", Value = disabled ? source + " · disabled here" : source, Inline = true },
        };
        if (question.Tags.Count > 0)
        {
            fields.Add(new EmbedField { Name = "Tags", Value = string.Join(", ", question.Tags), Inline = true });
        }

        // The reference answer and key points would spoil the question for members; staff see them.
        var staff = CommunityPermissions.IsStaff(context);
        if (staff)
        {
            fields.Add(new EmbedField
            {
                Name = question.KeyPoints.Any(k => k.Derived) ? "Key points (derived from the answer)" : "Key points",
                Value = DiscordText.Truncate(string.Join('\n', question.KeyPoints.Select(k => $"• {k.Label} — {string.Join(", ", k.Phrases)}")), 1024),
            });
        }

        var embed = new Embed
        {
            Title = DiscordText.Truncate(question.Prompt.ReplaceLineEndings(" "), 256),
            Description = staff ? DiscordText.Truncate(question.Answer, 3500) : "The reference answer is shown at each reveal.",
            Fields = fields,
            Footer = new EmbedFooter { Text = $"Question {question.Id}" },
        };
        await context.ReplyAsync(new MessageCreate { Embeds = [embed] }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task DisableAsync(InteractionContext context, bool disable, CancellationToken cancellationToken)
    {
        var id = Id(context);
        if (catalog.Bank.Find(id) is null)
        {
            var own = await store.FindAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false);
            await context.ReplyAsync(
                own is null ? $"There is no bank question `{DiscordText.Truncate(id, 64)}`." : $"`{id}` is one of this server's own questions: use `/question remove` instead.",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var changed = disable
            ? await store.DisableBankQuestionAsync(context.GuildId, id, context.UserId, cancellationToken).ConfigureAwait(false)
            : await store.EnableBankQuestionAsync(context.GuildId, id, cancellationToken).ConfigureAwait(false);
        var text = (disable, changed) switch
        {
            (true, true) => $"`{id}` is disabled here: `/ask`, the daily question and interviews will not choose it. `/question enable` undoes this.",
            (true, false) => $"`{id}` was already disabled here.",
            (false, true) => $"`{id}` is back in this server's rotation.",
            (false, false) => $"`{id}` was not disabled.",
        };
        await context.ReplyAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string Id(InteractionContext context) => (context.StringOption("id") ?? string.Empty).Trim().ToLowerInvariant();

    private static string NotAServerQuestion(string id) =>
        $"`{DiscordText.Truncate(id, 64)}` is not one of this server's own questions. Bank questions cannot be edited or removed; `/question disable` keeps one out of rotation.";

    /// <summary>Every problem as <c>file:line:column: reason</c>, within a message's 2,000 characters.</summary>
    private static string ProblemReport(string fileName, IReadOnlyList<BankProblem> problems)
    {
        var header = $"Nothing was imported: `{fileName}` has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}.\n```\n";
        var builder = new StringBuilder(header);
        var shown = 0;
        foreach (var problem in problems)
        {
            var line = problem.ToString().Replace("```", "'''", StringComparison.Ordinal) + "\n";
            if (builder.Length + line.Length > 1900)
            {
                break;
            }

            builder.Append(line);
            shown++;
        }

        builder.Append("```");
        if (shown < problems.Count)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n…and {problems.Count - shown} more. Run `interviewbot questions check` on the file to see them all.");
        }

        return builder.ToString();
    }
}
