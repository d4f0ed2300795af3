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
            RepetitionStates = await repetition.ListForMemberAsync(guildId, userId, cancellationToken).ConfigureAwait(false),
            Suggestions = await factory.QueryListAsync<Suggestion>(
                "SELECT * FROM suggestions WHERE guild_id = @guildId AND user_id = @userId ORDER BY suggestion_id", member, cancellationToken).ConfigureAwait(false),
            PromptsAsked = await factory.QueryListAsync<Prompt>(
                "SELECT * FROM prompts WHERE guild_id = @guildId AND asked_by = @userId ORDER BY prompt_id", member, cancellationToken).ConfigureAwait(false),
        };
    }

    public Task<MemberDataDeletion> DeleteAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) =>
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
                await Run("DELETE FROM repetition_reviews WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var suggestions = await Run("DELETE FROM suggestions WHERE guild_id = @guildId AND user_id = @userId").ConfigureAwait(false);
                var prompts = await Run("UPDATE prompts SET asked_by = NULL WHERE guild_id = @guildId AND asked_by = @userId").ConfigureAwait(false);
                return new MemberDataDeletion(answers, reviews, votes, sessions, states, suggestions, prompts);
            },
            cancellationToken);
}
