using System.Globalization;
using InterviewBot.Core.Questions;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Community;

/// <summary><c>/question list [category] [source]</c>: the bank's and the server's questions, ten per page, with Previous/Next buttons.</summary>
public sealed class QuestionList(ServerQuestions questions, IGuildQuestionStore store)
{
    public const int PageSize = 10;
    public const string Bank = "bank";
    public const string Server = "server";

    public async Task<InteractionCallbackData> RenderAsync(ulong guildId, string? category, string? source, int page, CancellationToken cancellationToken)
    {
        var disabled = await store.ListDisabledBankQuestionsAsync(guildId, cancellationToken).ConfigureAwait(false);
        var rows = new List<(Question Question, string Source, bool Disabled)>();
        if (source is null or Bank)
        {
            rows.AddRange(questions.Bank.Questions.Select(q => (q, Bank, disabled.Contains(q.Id))));
        }

        if (source is null or Server)
        {
            rows.AddRange((await questions.ListAsync(guildId, cancellationToken).ConfigureAwait(false)).Select(o => (o.Question, Server, false)));
        }

        if (category is not null)
        {
            rows = [.. rows.Where(r => r.Question.Category == category)];
        }

        var pages = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var filter = string.Join(", ", new[] { category is null ? null : $"category {category}", source is null ? null : $"{source} questions" }.OfType<string>());
        var lines = rows.Skip(page * PageSize).Take(PageSize).Select(r =>
            $"`{r.Question.Id}` · {r.Question.Category} · {r.Question.Difficulty.ToName()} · {r.Source}{(r.Disabled ? " · **disabled**" : string.Empty)}\n" +
            $"  {DiscordText.Truncate(DiscordText.EscapeMarkdown(r.Question.Prompt.ReplaceLineEndings(" ")), 150)}");
        var embed = new Embed
        {
            Title = filter.Length == 0 ? "Questions" : $"Questions ({filter})",
            Description = rows.Count == 0 ? "No question matches." : DiscordText.Truncate(string.Join('\n', lines), 4096),
            Footer = new EmbedFooter { Text = string.Create(CultureInfo.InvariantCulture, $"Page {page + 1} of {pages} · {rows.Count} questions · /question show id for details") },
        };
        var args = new[] { source ?? "all", category ?? "-" };
        return new InteractionCallbackData
        {
            Embeds = [embed],
            Components = pages == 1 ? [] :
            [
                ActionRow.Of(
                    new Button { Style = ButtonStyle.Secondary, Label = "◀ Previous", CustomId = PageId(page - 1, args, "p"), Disabled = page == 0 },
                    new Button { Style = ButtonStyle.Secondary, Label = "Next ▶", CustomId = PageId(page + 1, args, "n"), Disabled = page >= pages - 1 }),
            ],
        };
    }

    /// <summary>Reads the paging button's custom_id back: page, source, category (none of it trusted beyond being a filter).</summary>
    public static (int Page, string? Source, string? Category) ParsePage(CustomId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var page = (int)Math.Clamp(id.ArgInt64(0) ?? 0, 0, 10_000);
        var source = id.Arg(1) is Bank or Server ? id.Arg(1) : null;
        var category = id.Arg(2) is { } c && c != "-" ? c : null;
        return (page, source, category);
    }

    // The trailing p/n keeps the two buttons' custom_ids distinct when both point at the same page.
    private static string PageId(int page, string[] args, string which) =>
        CustomId.Format(CommunityIds.Feature, CommunityIds.Page, Math.Max(0, page).ToString(CultureInfo.InvariantCulture), args[0], args[1], which);
}
