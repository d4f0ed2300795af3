using InterviewBot.Core.Questions;
using InterviewBot.Core.Scoring;
using InterviewBot.Storage;

namespace InterviewBot.Features.Questions;

/// <summary>
/// The questions a guild can be asked: the bank, minus bank questions the guild switched off, plus the guild's own
/// questions (stored in the bank's YAML format and validated the same way).
/// </summary>
public sealed class QuestionCatalog(QuestionBank bank, IGuildQuestionStore guildQuestions, KeyPointScorer scorer)
{
    public QuestionBank Bank => bank;

    public async Task<IReadOnlyList<Question>> EligibleAsync(ulong guildId, QuestionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var disabled = await guildQuestions.ListDisabledBankQuestionsAsync(guildId, cancellationToken).ConfigureAwait(false);
        var own = await GuildQuestionsAsync(guildId, cancellationToken).ConfigureAwait(false);
        return [.. bank.Questions.Where(q => !disabled.Contains(q.Id)).Concat(own).Where(filter.Matches)];
    }

    /// <summary>A bank or guild question by id; deleted guild questions still resolve, so history keeps working.</summary>
    public async Task<Question?> FindAsync(ulong guildId, string questionId, CancellationToken cancellationToken)
    {
        if (bank.Find(questionId) is { } question)
        {
            return question;
        }

        var stored = await guildQuestions.FindIncludingDeletedAsync(guildId, questionId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : Parse(stored);
    }

    public async Task<IReadOnlyList<Question>> GuildQuestionsAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var stored = await guildQuestions.ListAsync(guildId, cancellationToken).ConfigureAwait(false);
        return [.. stored.Where(q => q.DeletedAt is null).Select(Parse).OfType<Question>()];
    }

    private Question? Parse(GuildQuestion stored)
    {
        var (questions, _) = QuestionFileParser.Parse($"server question {stored.QuestionKey}", stored.Body, expectedCategory: null, scorer);
        return questions.Count == 1 ? questions[0] : null;
    }
}
