using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using InterviewBot.Features.Questions;
using InterviewBot.Storage;

namespace InterviewBot.Features.Community;

/// <summary>
/// Server-owned questions: building them from the form with the bank's validation, storing them in the bank's YAML
/// format, and the ids they get. Every question is checked by writing it as YAML and reading it back with
/// <see cref="QuestionFileParser"/>, so the limits, key-point rules and self-coverage are exactly the bank's.
/// </summary>
public sealed class ServerQuestions(QuestionCatalog catalog, IGuildQuestionStore store, KeyPointScorer scorer)
{
    /// <summary>Tag given to questions that came from a member's suggestion, so <c>/ask tag:community</c> selects them.</summary>
    public const string CommunityTag = "community";

    public QuestionBank Bank => catalog.Bank;

    /// <summary>Validates the form. <paramref name="id"/> keeps an existing question's id; otherwise one is made from the prompt.</summary>
    public async Task<QuestionDraft> DraftAsync(ulong guildId, QuestionFormInput input, string? id, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(tags);
        var own = await store.ListAsync(guildId, cancellationToken).ConfigureAwait(false);
        var known = catalog.Bank.Categories.Concat(own.Select(q => q.Category));
        var check = SuggestionRules.Validate(new SuggestedQuestion(input.Prompt, input.Answer, input.Category, input.Difficulty), known);
        var problems = new List<string>(check.Problems);
        var keyPoints = KeyPointLines.Parse(input.KeyPoints ?? string.Empty, problems);
        if (problems.Count > 0)
        {
            return new QuestionDraft(null, problems, check.IsNewCategory);
        }

        var answer = input.Answer.Trim();
        var question = new Question
        {
            Id = id ?? await NewIdAsync(guildId, check.Category, input.Prompt, own, cancellationToken).ConfigureAwait(false),
            Category = check.Category,
            Difficulty = check.Difficulty,
            Tags = tags,
            Prompt = input.Prompt.Trim(),
            Answer = answer,
            KeyPoints = keyPoints.Count > 0 ? keyPoints : KeyPointDeriver.Derive(answer),
        };
        var (parsed, bankProblems) = Validate(question);
        return bankProblems.Count > 0
            ? new QuestionDraft(null, [.. bankProblems.Select(p => Sentence(p.Reason))], check.IsNewCategory)
            : new QuestionDraft(parsed, [], check.IsNewCategory);
    }

    /// <summary>The question as stored: a one-item list in the bank's format.</summary>
    public static string Body(Question question) => QuestionYamlWriter.Write([question]);

    /// <summary>Reads a stored body back (null when it no longer parses).</summary>
    public Question? Read(string body)
    {
        var (questions, problems) = QuestionFileParser.Parse("server question", body, expectedCategory: null, scorer);
        return problems.Count == 0 && questions.Count == 1 ? questions[0] : null;
    }

    public (Question? Question, IReadOnlyList<BankProblem> Problems) Validate(Question question)
    {
        var (questions, problems) = QuestionFileParser.Parse("form", Body(question), expectedCategory: null, scorer);
        return (problems.Count == 0 && questions.Count == 1 ? questions[0] : null, problems);
    }

    /// <summary>Stores a new server question; null when its id was taken meanwhile.</summary>
    public Task<GuildQuestion?> AddAsync(ulong guildId, Question question, ulong createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        return store.TryAddAsync(
            new GuildQuestion
            {
                GuildId = guildId,
                QuestionKey = question.Id,
                Category = question.Category,
                Difficulty = question.Difficulty.ToName(),
                Body = Body(question),
                CreatedBy = createdBy,
            },
            cancellationToken);
    }

    /// <summary>A fresh id: not a bank id, not a live server id, and not the id of a deleted one (old prompts still point to it).</summary>
    public async Task<string> NewIdAsync(ulong guildId, string category, string prompt, IReadOnlyList<GuildQuestion>? own, CancellationToken cancellationToken)
    {
        own ??= await store.ListAsync(guildId, cancellationToken).ConfigureAwait(false);
        var taken = catalog.Bank.Questions.Select(q => q.Id).Concat(own.Select(q => q.QuestionKey)).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            var id = SuggestionRules.MakeId(category, prompt, taken);
            if (await store.FindIncludingDeletedAsync(guildId, id, cancellationToken).ConfigureAwait(false) is null)
            {
                return id;
            }

            taken.Add(id);
        }
    }

    /// <summary>The server's live questions with their stored rows, in id order.</summary>
    public async Task<IReadOnlyList<(GuildQuestion Stored, Question Question)>> ListAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(guildId, cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(s => (s, Read(s.Body))).Where(p => p.Item2 is not null).Select(p => (p.s, p.Item2!))];
    }

    private static string Sentence(string reason) => char.ToUpperInvariant(reason[0]) + reason[1..] + (reason.EndsWith('.') ? string.Empty : ".");
}
