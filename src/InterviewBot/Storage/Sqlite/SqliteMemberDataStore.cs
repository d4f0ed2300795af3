using Dapper;
using static InterviewBot.Storage.SqliteCommands;

namespace InterviewBot.Storage;

public sealed class SqliteMemberDataStore(SqliteConnectionFactory factory, SqliteWriter writer, ISpacedRepetitionStore repetition) : IMemberDataStore
{
    public async Task<MemberDataExport> ExportAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var member = new { guildId, userId };
        var answers = await SqliteAnswerStore.LoadAnswersAsync(factory, "a.guild_id = @guildId AND a.user_id = @userId", member, cancellationToken).ConfigureAwait(false);
        return new MemberDataExport
        {
            GuildId = guildId,
            UserId = userId,
            Answers = answers,
            ReviewsGiven = await factory.QueryListAsync<Review>(
                $"{SqliteReviewStore.Select} WHERE r.guild_id = @guildId AND r.reviewer_id = @userId ORDER BY r.review_id", member, cancellationToken).ConfigureAwait(false),
            ReviewsReceived = await factory.QueryListAsync<Review>(
                $"{SqliteReviewStore.Select} WHERE r.answer_id IN (SELECT answer_id FROM answers WHERE guild_id = @guildId AND user_id = @userId) ORDER BY r.review_id",
                member,
                cancellationToken).ConfigureAwait(false),
            HelpfulVotesGiven = await factory.QueryListAsync<HelpfulVote>(
                "SELECT v.* FROM helpful_votes v JOIN reviews r ON r.review_id = v.review_id WHERE r.guild_id = @guildId AND v.voter_id = @userId ORDER BY v.review_id",
                member,
                cancellationToken).ConfigureAwait(false),
            InterviewSessions = await factory.QueryListAsync<InterviewSession>(
                "SELECT * FROM interview_sessions WHERE guild_id = @guildId AND user_id = @userId ORDER BY session_id", member, cancellationToken).ConfigureAwait(false),
            InterviewQuestions = await factory.QueryListAsync<InterviewQuestion>(
                """
                SELECT q.* FROM interview_questions q JOIN interview_sessions s ON s.session_id = q.session_id
                WHERE s.guild_id = @guildId AND s.user_id = @userId ORDER BY q.session_id, q.question_index
                """,
                member,
                cancellationToken).ConfigureAwait(false),
            RepetitionStates = await repetition.ListForMemberAsync(guildId, userId, cancellationToken).ConfigureAwait(false),
            RepetitionReviews = await SqliteRepetitionReviewStore.ListForMemberAsync(factory, guildId, userId, cancellationToken).ConfigureAwait(false),
            Suggestions = await factory.QueryListAsync<Suggestion>(
                "SELECT * FROM suggestions WHERE guild_id = @guildId AND user_id = @userId ORDER BY suggestion_id", member, cancellationToken).ConfigureAwait(false),
            PromptsAsked = await factory.QueryListAsync<Prompt>(
                "SELECT * FROM prompts WHERE guild_id = @guildId AND asked_by = @userId ORDER BY prompt_id", member, cancellationToken).ConfigureAwait(false),
            Settings = await factory.QueryOneAsync<MemberSettings>(
                "SELECT * FROM member_settings WHERE guild_id = @guildId AND user_id = @userId", member, cancellationToken).ConfigureAwait(false),
            StreakRestores = await factory.QueryListAsync<DateOnly>(
                "SELECT local_date FROM streak_restores WHERE guild_id = @guildId AND user_id = @userId ORDER BY local_date", member, cancellationToken).ConfigureAwait(false),
            ReminderDelivery = await factory.QueryOneAsync<ReminderDelivery>(
                "SELECT * FROM reminder_deliveries WHERE user_id = @userId", member, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Deletes in one transaction, then checkpoints the WAL into the database file and truncates it: with
    /// <c>secure_delete</c> on (every connection, see <see cref="SqliteConnectionFactory"/>) the freed cells are zeroed,
    /// and the checkpoint removes the WAL frames that still held the old pages, so the text is gone from the files too.
    /// </summary>
    public async Task<MemberDataDeletion> DeleteAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
    {
        var deleted = await DeleteRowsAsync(guildId, userId, cancellationToken).ConfigureAwait(false);
        await factory.CheckpointAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    private Task<MemberDataDeletion> DeleteRowsAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            async (connection, transaction) =>
            {
                var member = new { guildId, userId };
                Task<int> Run(string sql) => connection.ExecuteAsync(Command(sql, member, cancellationToken, transaction));

                var votes = await Run(
                    "DELETE FROM helpful_votes WHERE voter_id = @userId AND review_id IN (SELECT review_id FROM reviews WHERE guild_id = @guildId)").ConfigureAwait(false);
                var reviews = await Run("DELETE FROM reviews WHERE guild_id = @guildId AND reviewer_id = @userId").ConfigureAwait(false);

                // Parts, reviews of these answers and their votes go with them (ON DELETE CASCADE).
                var answers = await Run("DELETE FROM answers WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var sessions = await Run("DELETE FROM interview_sessions WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var states = await Run("DELETE FROM repetition_states WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);

                // The review log (0004) goes with the states; interview options and questions go with the sessions (ON DELETE CASCADE).
                var repetitionReviews = await Run("DELETE FROM repetition_reviews WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var suggestions = await Run("DELETE FROM suggestions WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var prompts = await Run("UPDATE prompts SET asked_by = NULL WHERE guild_id = @guildId AND asked_by = @userId").ConfigureAwait(false);
                var settings = await Run("DELETE FROM member_settings WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var restores = await Run("DELETE FROM streak_restores WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);

                // Reminder deliveries are per member, not per guild: they go once no guild has the member's settings.
                var deliveries = await Run(
                    "DELETE FROM reminder_deliveries WHERE user_id = @userId AND NOT EXISTS (SELECT 1 FROM member_settings WHERE user_id = @userId)").ConfigureAwait(false);
                return new MemberDataDeletion(answers, reviews, votes, sessions, states, suggestions, prompts)
                {
                    Settings = settings,
                    StreakRestores = restores,
                    RepetitionReviews = repetitionReviews,
                    ReminderDeliveries = deliveries,
                };
            },
            cancellationToken);
}
