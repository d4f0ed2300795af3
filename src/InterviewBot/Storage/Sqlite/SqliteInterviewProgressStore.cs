using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteInterviewProgressStore(SqliteConnectionFactory factory, SqliteWriter writer) : IInterviewProgressStore
{
    public Task SaveOptionsAsync(InterviewOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return writer.ExecuteWriteAsync(
            """
            INSERT INTO interview_session_options (session_id, track, minutes_per_question, feedback_at_end, public_thread)
            VALUES (@SessionId, @Track, @MinutesPerQuestion, @FeedbackAtEnd, @PublicThread)
            ON CONFLICT (session_id) DO UPDATE SET track = excluded.track, minutes_per_question = excluded.minutes_per_question,
                feedback_at_end = excluded.feedback_at_end, public_thread = excluded.public_thread
            """,
            options,
            cancellationToken);
    }

    public Task<InterviewOptions?> GetOptionsAsync(long sessionId, CancellationToken cancellationToken) =>
        factory.QueryOneAsync<InterviewOptions>("SELECT * FROM interview_session_options WHERE session_id = @sessionId", new { sessionId }, cancellationToken);

    public async Task<InterviewQuestion> RecordAskedAsync(InterviewQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        await writer.ExecuteWriteAsync(
            """
            INSERT INTO interview_questions (session_id, question_index, question_id, message_id, asked_at, deadline_at)
            VALUES (@SessionId, @QuestionIndex, @QuestionId, @MessageId, @AskedAt, @DeadlineAt)
            ON CONFLICT (session_id, question_index) DO NOTHING
            """,
            question,
            cancellationToken).ConfigureAwait(false);
        return (await factory.QueryOneAsync<InterviewQuestion>(
            "SELECT * FROM interview_questions WHERE session_id = @SessionId AND question_index = @QuestionIndex",
            new { question.SessionId, question.QuestionIndex },
            cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<bool> RecordResultAsync(long sessionId, int questionIndex, InterviewResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return await writer.ExecuteWriteAsync(
            """
            UPDATE interview_questions SET ended_at = @EndedAt, outcome = @outcome, answer_text = @AnswerText,
                covered_key_points = @CoveredKeyPoints, covered_count = @CoveredCount, key_point_count = @KeyPointCount, review_id = @ReviewId
            WHERE session_id = @sessionId AND question_index = @questionIndex AND ended_at IS NULL
            """,
            new
            {
                sessionId,
                questionIndex,
                result.EndedAt,
                outcome = result.Outcome.ToString().ToLowerInvariant(),
                result.AnswerText,
                result.CoveredKeyPoints,
                result.CoveredCount,
                result.KeyPointCount,
                result.ReviewId,
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task<IReadOnlyList<InterviewQuestion>> ListQuestionsAsync(long sessionId, CancellationToken cancellationToken) =>
        factory.QueryListAsync<InterviewQuestion>(
            "SELECT * FROM interview_questions WHERE session_id = @sessionId ORDER BY question_index", new { sessionId }, cancellationToken);

    public Task<IReadOnlyList<InterviewSession>> ListSessionsAsync(ulong guildId, ulong userId, int limit, CancellationToken cancellationToken) =>
        factory.QueryListAsync<InterviewSession>(
            "SELECT * FROM interview_sessions WHERE guild_id = @guildId AND user_id = @userId ORDER BY started_at DESC, session_id DESC LIMIT @limit",
            new { guildId, userId, limit },
            cancellationToken);

    public Task<IReadOnlyList<InterviewSession>> ListActiveAsync(CancellationToken cancellationToken) =>
        factory.QueryListAsync<InterviewSession>("SELECT * FROM interview_sessions WHERE status = 'active' ORDER BY session_id", null, cancellationToken);
}
