using Dapper;
using InterviewBot.Core.Reviews;
using InterviewBot.Features.Review;
using InterviewBot.Storage;

namespace InterviewBot.Tests.Storage;

/// <summary>
/// The per-member and bounded reads of <see cref="SqliteReviewActivityStore"/> against the old way (every answer and
/// review of the guild, filtered in C#) on one seeded database: several members, reviewed and unreviewed answers,
/// deleted answers, an unrevealed prompt and a second guild.
/// </summary>
public sealed class ReviewActivityQueryTests
{
    private const ulong Guild = 1;
    private const ulong OtherGuild = 2;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ulong[] Members = [5, 6, 7, 8, 9, 10];
    private static readonly string[] KeyPoints = ["a", "b"];

    [Fact]
    public async Task ListMemberAnswersAndReviews_SeededGuild_MatchTheGuildWideListsFiltered()
    {
        using var db = await SeedAsync();
        var activity = new SqliteReviewActivityStore(db.Factory, db.Writer);
        var allAnswers = await activity.ListAnswersAsync(Guild, null, null, None);
        var allReviews = await activity.ListReviewsAsync(Guild, null, null, None);

        foreach (var member in Members.Append(99UL))
        {
            var answers = await activity.ListMemberAnswersAsync(Guild, member, None);
            var reviews = await activity.ListMemberReviewsAsync(Guild, member, None);
            var live = answers.Where(a => !a.Deleted).ToList();

            var expected = allAnswers.Where(a => a.UserId == member).ToList();
            Assert.Equal(expected.Select(Comparable), answers.Select(Comparable));
            Assert.Equal(expected.Select(a => a.CoveredKeyPoints), answers.Select(a => a.CoveredKeyPoints));
            Assert.Equal(
                allReviews.Where(r => r.ReviewerId == member || r.AuthorId == member).Select(r => r.ReviewId),
                reviews.Select(r => r.ReviewId));
            Assert.Equal(allReviews.Where(r => r.ReviewerId == member), reviews.Where(r => r.ReviewerId == member));
            Assert.Equal(
                AnswerScores.Compute(live, allReviews).OrderBy(p => p.Key),
                AnswerScores.Compute(live, reviews).OrderBy(p => p.Key));
        }

        Assert.Contains(allAnswers, a => a.Deleted);
        Assert.Contains(allReviews, r => r.AnswerDeleted);
        Assert.NotEmpty(await activity.ListMemberAnswersAsync(OtherGuild, 5, None));
        var otherAnswers = (await activity.ListAnswersAsync(OtherGuild, null, null, None)).Select(a => a.AnswerId).ToHashSet();
        Assert.All(await activity.ListMemberReviewsAsync(OtherGuild, 5, None), r => Assert.Contains(r.AnswerId, otherAnswers));
    }

    [Fact]
    public async Task WindowedReads_SeededGuild_MatchTheGuildWideListsFilteredAndScoreTheSame()
    {
        using var db = await SeedAsync();
        var activity = new SqliteReviewActivityStore(db.Factory, db.Writer);
        var all = await activity.ListAnswersAsync(Guild, null, null, None);
        var reviews = await activity.ListReviewsAsync(Guild, null, null, None);
        (DateTimeOffset? Since, DateTimeOffset? Until)[] windows =
            [(null, null), (StorageFixture.Start.AddDays(-20), StorageFixture.Start), (StorageFixture.Start.AddDays(-7), null)];

        foreach (var (since, until) in windows)
        {
            var old = await activity.ListAnswersAsync(Guild, since, until, None);
            var lean = await activity.ListAnswerScoreInputsAsync(Guild, since, until, None);

            Assert.Equal(
                old.Select(a => (a.AnswerId, a.UserId, a.Deleted, a.CoveredCount, a.KeyPointCount, a.CoveragePercent)),
                lean.Select(a => (a.AnswerId, a.UserId, a.Deleted, a.CoveredKeyPoints?.Count, a.KeyPointCount, a.CoveragePercent)));
            Assert.Equal(AnswerScores.Compute(old, reviews).OrderBy(p => p.Key), AnswerScores.Compute(lean, reviews).OrderBy(p => p.Key));
        }

        var promptIds = all.Select(a => a.PromptId).Distinct().Where(id => id % 2 == 0).ToHashSet();
        var weekStart = StorageFixture.Start.AddDays(-20);
        var byPrompt = await activity.ListPromptAnswersAsync(promptIds, weekStart, None);
        Assert.NotEmpty(byPrompt);
        Assert.Equal(
            (await activity.ListAnswersAsync(Guild, weekStart, null, None)).Where(a => promptIds.Contains(a.PromptId)).Select(Comparable),
            byPrompt.Select(Comparable));
        Assert.Empty(await activity.ListPromptAnswersAsync([], weekStart, None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public async Task ListReviewCandidates_PagedThrough_SameOrderAsReviewQueueOverTheWholeGuild(int limit)
    {
        using var db = await SeedAsync();
        var activity = new SqliteReviewActivityStore(db.Factory, db.Writer);
        // Review instants are spread over 30 days before Start: these "now"s put the 14-day window across them.
        DateTimeOffset[] nows = [StorageFixture.Start, StorageFixture.Start.AddDays(-10), StorageFixture.Start.AddDays(20)];

        foreach (var now in nows)
        {
            foreach (var reviewer in Members.Append(99UL))
            {
                var expected = await OldOrderAsync(activity, reviewer, now);
                var paged = new List<long>();
                for (var offset = 0; ; offset += limit)
                {
                    var page = await activity.ListReviewCandidatesAsync(Guild, reviewer, now - ReviewQueue.RecentWindow, limit, offset, None);
                    Assert.True(page.Count <= limit, $"a page of {page.Count} rows for a limit of {limit}");
                    Assert.All(page, a => Assert.Equal(Guild, a.GuildId));
                    paged.AddRange(page.Select(a => a.AnswerId));
                    if (page.Count < limit)
                    {
                        break;
                    }
                }

                Assert.Equal(expected, paged);
            }
        }
    }

    [Fact]
    public async Task ListReviewCandidates_ManyEligible_LoadsOnlyTheBoundAndItsReviews()
    {
        using var db = await SeedAsync();
        var activity = new SqliteReviewActivityStore(db.Factory, db.Writer);
        var now = StorageFixture.Start;
        var expected = await OldOrderAsync(activity, 99, now);

        var page = await activity.ListReviewCandidatesAsync(Guild, 99, now - ReviewQueue.RecentWindow, ReviewCommand.PageSize, 0, None);
        var reviews = await activity.ListReviewsOfAnswersAsync([.. page.Select(a => a.AnswerId)], None);

        Assert.True(expected.Count > ReviewCommand.PageSize, $"the seed must offer more than a page ({expected.Count})");
        Assert.Equal(expected.Take(ReviewCommand.PageSize), page.Select(a => a.AnswerId));
        Assert.All(reviews, r => Assert.Contains(r.AnswerId, page.Select(a => a.AnswerId)));
        var all = await activity.ListReviewsAsync(Guild, null, null, None);
        Assert.Equal(all.Where(r => page.Any(a => a.AnswerId == r.AnswerId)), reviews);
        // The first candidate of the page is the one the old in-memory queue would offer.
        Assert.Equal(expected[0], ReviewQueue.Next(Candidates(page, reviews), 99, now)!.AnswerId);
        Assert.Empty(await activity.ListReviewsOfAnswersAsync([], None));
    }

    [Theory]
    [InlineData("SELECT answer_id FROM answers WHERE guild_id = 1 AND user_id = 5", "ix_answers_member_created")]
    [InlineData("SELECT review_id FROM reviews WHERE guild_id = 1 AND reviewer_id = 5", "ix_reviews_reviewer")]
    [InlineData("SELECT 1 FROM reviews WHERE answer_id = 3 AND reviewer_id = 5", "sqlite_autoindex_reviews_1")]
    [InlineData("SELECT count(*) FROM reviews WHERE answer_id = 3 AND created_at > 0", "sqlite_autoindex_reviews_1")]
    [InlineData("SELECT 1 FROM answer_parts WHERE answer_id = 3 AND deleted_at IS NULL", "ix_answer_parts_answer")]
    [InlineData("SELECT answer_id FROM answers WHERE guild_id = 1 AND created_at >= 0 AND created_at < 10", "ix_answers_guild_created")]
    [InlineData("SELECT review_id FROM reviews WHERE guild_id = 1 AND created_at >= 0", "ix_reviews_guild_created")]
    public async Task QueryPlan_ActivityFilters_SearchAnIndex(string sql, string index)
    {
        using var db = await SeedAsync();
        using var connection = db.Factory.Open();

        var plan = string.Join('\n', (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql)).Select(r => r.Detail));

        Assert.Contains($"USING INDEX {index}", plan.Replace("COVERING INDEX", "INDEX", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[]> StoreQueries => new()
    {
        { "member answers", SqliteReviewActivityStore.MemberAnswersSql, ["ix_answers_member_created"] },
        { "member reviews", SqliteReviewActivityStore.MemberReviewsSql, ["ix_reviews_reviewer", "ix_answers_member_created", "sqlite_autoindex_reviews_1"] },
        { "review candidates", SqliteReviewActivityStore.ReviewCandidatesSql, ["ix_answers_guild_created", "sqlite_autoindex_reviews_1", "ix_answer_parts_answer"] },
        { "reviews of answers", SqliteReviewActivityStore.ReviewsOfAnswersSql, ["sqlite_autoindex_reviews_1"] },
        { "prompt answers", SqliteReviewActivityStore.PromptAnswersSql, ["sqlite_autoindex_answers_1"] },
        { "answers in a window", SqliteReviewActivityStore.AnswersSql(StorageFixture.Start, StorageFixture.Start), ["ix_answers_guild_created"] },
        { "answers since", SqliteReviewActivityStore.AnswersSql(StorageFixture.Start, null), ["ix_answers_guild_created"] },
        { "leaderboard score inputs", SqliteReviewActivityStore.AnswerScoreInputsSql(StorageFixture.Start, StorageFixture.Start), ["ix_answers_guild_created"] },
        { "reviews since", SqliteReviewActivityStore.ReviewsSql(StorageFixture.Start, null), ["ix_reviews_guild_created"] },
    };

    [Theory]
    [MemberData(nameof(StoreQueries))]
    public async Task QueryPlan_StoreQueries_SearchIndexesAndScanNoTable(string name, string sql, string[] indexes)
    {
        using var db = await SeedAsync();
        using var connection = db.Factory.Open();
        var parameters = new
        {
            guildId = Guild,
            userId = 5UL,
            reviewerId = 5UL,
            since = StorageFixture.Start,
            until = StorageFixture.Start,
            recentSince = StorageFixture.Start,
            limit = 20,
            offset = 0,
            answerIds = new long[] { 1, 2 },
            promptIds = new long[] { 1, 2 },
        };

        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters))
            .Select(r => r.Detail.Replace("COVERING INDEX", "INDEX", StringComparison.Ordinal))
            .ToList();

        var shown = $"{name}:\n{string.Join('\n', plan)}";
        Assert.All(indexes, index => Assert.True(plan.Any(line => line.Contains($"USING INDEX {index}", StringComparison.Ordinal)), $"no {index} in {shown}"));
        Assert.False(plan.Any(line => line.StartsWith("SCAN ", StringComparison.Ordinal) && !line.StartsWith("SCAN CONSTANT", StringComparison.Ordinal)), $"a table scan in {shown}");
    }

    /// <summary>The answer with its covered key points left out, so records compare by value (the list by its items, apart).</summary>
    private static ScoredAnswer Comparable(ScoredAnswer answer) => answer with { CoveredKeyPoints = null };

    /// <summary>What <c>/review next</c> did before: every answer and review of the guild through <see cref="ReviewQueue"/>.</summary>
    private static async Task<List<long>> OldOrderAsync(SqliteReviewActivityStore activity, ulong reviewer, DateTimeOffset now)
    {
        var all = await activity.ListAnswersAsync(Guild, null, null, None);
        var reviews = await activity.ListReviewsAsync(Guild, null, null, None);
        return [.. ReviewQueue.Order(Candidates(all.Where(a => a.Revealed), reviews), reviewer, now).Select(c => c.AnswerId)];
    }

    private static IEnumerable<ReviewCandidate> Candidates(IEnumerable<ScoredAnswer> answers, IEnumerable<ReviewActivity> reviews)
    {
        var byAnswer = reviews.ToLookup(r => r.AnswerId);
        return answers.Select(a => new ReviewCandidate(
            a.AnswerId,
            a.UserId,
            a.PromptId,
            a.CreatedAt,
            [.. byAnswer[a.AnswerId].Select(r => r.CreatedAt)],
            [.. byAnswer[a.AnswerId].Select(r => r.ReviewerId)],
            a.Deleted));
    }

    /// <summary>
    /// Guild 1: five revealed prompts and one unrevealed, six members answering most of them at spread-out times, about
    /// one answer in seven deleted, reviews from the other members over the 30 days before Start (some sharing an
    /// instant, so the order's tie-breakers matter), a few helpful votes. Guild 2: the same members, one revealed prompt.
    /// A fixed seed keeps the data the same on every run.
    /// </summary>
    private static async Task<StorageFixture> SeedAsync()
    {
        var db = await StorageFixture.CreateAsync();
        var prompts = new SqlitePromptStore(db.Factory, db.Writer);
        var answers = new SqliteAnswerStore(db.Factory, db.Writer, db.Time);
        var reviews = new SqliteReviewStore(db.Factory, db.Writer);
        var random = new Random(20261202);
        ulong message = 1000;

        foreach (var (guild, promptCount) in new[] { (Guild, 6), (OtherGuild, 1) })
        {
            for (var p = 0; p < promptCount; p++)
            {
                var promptId = await db.AddPromptAsync(guild);
                if (p < 5)
                {
                    await prompts.MarkRevealedAsync(promptId, StorageFixture.Start, None);
                }

                foreach (var member in Members)
                {
                    if (random.Next(6) == 0)
                    {
                        continue;
                    }

                    var writtenAt = StorageFixture.Start.AddDays(-40 + random.Next(40)).AddMinutes(random.Next(3));
                    var parts = random.Next(1, 3);
                    var firstMessage = message;
                    long answerId = 0;
                    for (var i = 0; i < parts; i++)
                    {
                        answerId = await answers.UpsertPartAsync(
                            new AnswerPartWrite { PromptId = promptId, GuildId = guild, UserId = member, MessageId = message++, Content = $"answer {member} {i}", WrittenAt = writtenAt },
                            None);
                    }

                    if (random.Next(2) == 0)
                    {
                        await answers.SetCoverageAsync(answerId, KeyPoints[..random.Next(3)], 4, None);
                    }

                    if (random.Next(7) == 0)
                    {
                        for (var m = firstMessage; m < message; m++)
                        {
                            await answers.SoftDeletePartAsync(m, StorageFixture.Start, None);
                        }
                    }

                    foreach (var reviewer in Members.Where(r => r != member && random.Next(3) == 0))
                    {
                        var at = StorageFixture.Start.AddDays(-random.Next(30));
                        var review = await reviews.UpsertAsync(answerId, guild, reviewer, new(random.Next(1, 6), random.Next(1, 6), random.Next(1, 6)), null, at, None);
                        if (random.Next(4) == 0)
                        {
                            await reviews.AddHelpfulVoteAsync(review.Review.ReviewId, member, at, None);
                        }
                    }
                }
            }
        }

        return db;
    }
}
