using System.Text;
using InterviewBot.Core.Community;
using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using InterviewBot.Storage;

namespace InterviewBot.Features.Community;

/// <summary>
/// <c>/question import</c> and <c>/question export</c>: a YAML file in the bank's format. An import is all or
/// nothing: the file is parsed with the bank's parser (every problem as <c>file:line:column: reason</c>), then ids
/// must be new (not a bank id, not a live server question, not twice in the file), and only then is anything stored.
/// </summary>
public sealed class QuestionImport(ServerQuestions questions, IGuildQuestionStore store, KeyPointScorer scorer)
{
    public const int MaxQuestionsPerImport = 500;

    public async Task<(IReadOnlyList<Question> Imported, IReadOnlyList<BankProblem> Problems)> ImportAsync(
        ulong guildId, string fileName, byte[] content, ulong importedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], [new BankProblem(new SourceLocation(fileName, 1, 1), "the file is not UTF-8 text")]);
        }

        var (parsed, problems) = QuestionFileParser.Parse(fileName, text, expectedCategory: null, scorer);
        var all = new List<BankProblem>(problems);
        var live = (await store.ListAsync(guildId, cancellationToken).ConfigureAwait(false)).Select(q => q.QuestionKey).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in parsed)
        {
            if (questions.Bank.Find(question.Id) is not null)
            {
                all.Add(new BankProblem(question.Location, $"id '{question.Id}' is a question of the built-in bank; choose another id"));
            }
            else if (live.Contains(question.Id))
            {
                all.Add(new BankProblem(question.Location, $"id '{question.Id}' already exists in this server; remove it first (`/question remove`) or choose another id"));
            }
            else if (!seen.Add(question.Id))
            {
                all.Add(new BankProblem(question.Location, $"id '{question.Id}' appears twice in the file"));
            }
        }

        if (all.Count == 0 && parsed.Count > MaxQuestionsPerImport)
        {
            all.Add(new BankProblem(new SourceLocation(fileName, 1, 1), $"the file has {parsed.Count} questions; import at most {MaxQuestionsPerImport} at a time"));
        }

        if (all.Count > 0)
        {
            return ([], [.. all.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column)]);
        }

        var added = new List<GuildQuestion>();
        foreach (var question in parsed)
        {
            var stored = await questions.AddAsync(guildId, question, importedBy, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                // Someone added the same id meanwhile: undo, so the import stays all or nothing.
                foreach (var undo in added)
                {
                    await store.DeleteAsync(undo.GuildQuestionId, cancellationToken).ConfigureAwait(false);
                }

                return ([], [new BankProblem(question.Location, $"id '{question.Id}' was added to this server while importing; nothing was imported")]);
            }

            added.Add(stored);
        }

        return (parsed, []);
    }

    /// <summary>The server's live questions as one YAML file in the bank's format, in id order.</summary>
    public async Task<(string Yaml, int Count)> ExportAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var own = await questions.ListAsync(guildId, cancellationToken).ConfigureAwait(false);
        return (QuestionYamlWriter.Write(own.Select(o => o.Question)), own.Count);
    }
}
