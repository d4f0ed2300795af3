using InterviewBot.Core.Digest;

namespace InterviewBot.Core.Tests.Digest;

public sealed class WeeklyDigestBuilderTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Week = new(2026, 11, 23);
    private static readonly DateTimeOffset Monday9 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    private static DigestPrompt Prompt(long id, int day, string title = "What is a cache stampede?") =>
        new(id, $"q-{id}", title, $"https://discord.com/channels/1/{id}", Monday9.AddDays(day));

    private static DigestAnswer Answer(long prompt, ulong author, double score, int minutes) =>
        new(prompt, author, score, $"https://discord.com/channels/1/{prompt}/{author}", Monday9.AddMinutes(minutes));

    private static DigestReview[] Reviews(params ulong[] reviewers) => [.. reviewers.Select(r => new DigestReview(r))];

    [Fact]
    public void WeekLabel_IsDayShortMonthYear() => Assert.Equal("Week of 23 Nov 2026", WeeklyDigestBuilder.WeekLabel(Week));

    [Fact]
    public void WeekLabel_DoesNotDependOnTheHostCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("Week of 2 Mar 2026", WeeklyDigestBuilder.WeekLabel(new DateOnly(2026, 3, 2)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void WeekStartOf_UsesTheGuildsZone()
    {
        // Sunday 29 Nov 23:30 UTC is Monday 30 Nov 00:30 in Berlin.
        var instant = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 30), WeeklyDigestBuilder.WeekStartOf(instant, Berlin));
        Assert.Equal(new DateOnly(2026, 11, 23), WeeklyDigestBuilder.WeekStartOf(instant, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Build_CountsParticipationPerQuestion_AndPicksTheBestAnswer()
    {
        DigestPrompt[] prompts = [Prompt(1, 0), Prompt(2, 1, "Explain isolation levels.")];
        DigestAnswer[] answers =
        [
            Answer(1, 10, 60, 5), Answer(1, 11, 85.5, 10), Answer(1, 12, 70, 15),
            Answer(2, 10, 40, 1500),
        ];

        var digest = WeeklyDigestBuilder.Build(Week, Berlin, prompts, answers, []);

        Assert.Equal("Week of 23 Nov 2026", digest.WeekLabel);
        Assert.Equal(2, digest.Questions.Count);
        Assert.Equal(3, digest.Questions[0].Participants);
        Assert.Equal(11UL, digest.Questions[0].BestAnswer!.AuthorId);
        Assert.Equal(1, digest.Questions[1].Participants);
        Assert.Equal(4, digest.TotalAnswers);
        Assert.Equal(3, digest.TotalParticipants);
    }

    [Fact]
    public void Build_TiedBestScore_EarliestAnswerWins()
    {
        DigestAnswer[] answers = [Answer(1, 12, 90, 30), Answer(1, 11, 90, 10), Answer(1, 10, 90, 20)];

        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0)], answers, []);

        Assert.Equal(11UL, digest.Questions[0].BestAnswer!.AuthorId);
    }

    [Fact]
    public void Build_SameMemberTwiceOnOneQuestion_CountsOnce()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0)], [Answer(1, 10, 50, 1), Answer(1, 10, 60, 2)], []);

        Assert.Equal(1, digest.Questions[0].Participants);
        Assert.Equal(1, digest.TotalParticipants);
    }

    [Fact]
    public void Build_QuestionWithoutAnswers_HasNoBestAnswer()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0)], [], []);

        Assert.Equal(0, digest.Questions[0].Participants);
        Assert.Null(digest.Questions[0].BestAnswer);
        Assert.False(digest.IsEmpty);
    }

    [Fact]
    public void Build_TopThreeReviewers_MostReviewsFirst_TiesByLowestId()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0)], [], Reviews(5, 5, 7, 7, 7, 3, 3, 9, 1));

        Assert.Equal([(7UL, 3), (3UL, 2), (5UL, 2)], digest.TopReviewers.Select(r => (r.ReviewerId, r.Reviews)));
        Assert.Equal(9, digest.TotalReviews);
    }

    [Fact]
    public void Build_PromptsOutsideTheLocalWeek_AndTheirAnswers_AreLeftOut()
    {
        // Sunday 22 Nov 23:30 CET is the week before; Sunday 29 Nov 23:59 CET is still this week; Monday 30 Nov 00:00 is not.
        var before = new DigestPrompt(1, "q-1", "Before", "l", new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.FromHours(1)));
        var last = new DigestPrompt(2, "q-2", "Last", "l", new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.FromHours(1)));
        var after = new DigestPrompt(3, "q-3", "After", "l", new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero));

        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [after, last, before], [Answer(1, 10, 50, 0), Answer(2, 11, 50, 0)], []);

        Assert.Equal([2L], digest.Questions.Select(q => q.Prompt.PromptId));
        Assert.Equal(1, digest.TotalAnswers);
    }

    [Fact]
    public void Build_QuestionsInPostingOrder()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(3, 4), Prompt(1, 0), Prompt(2, 2)], [], []);

        Assert.Equal([1L, 2L, 3L], digest.Questions.Select(q => q.Prompt.PromptId));
    }

    [Fact]
    public void Build_WeekStartNotAMonday_Throws() =>
        Assert.Throws<ArgumentException>(() => WeeklyDigestBuilder.Build(new DateOnly(2026, 11, 24), Berlin, [], [], []));

    [Fact]
    public void Build_NothingHappened_IsEmpty_AndRendersPolitely()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [], [], []);

        Assert.True(digest.IsEmpty);
        var text = WeeklyDigestBuilder.RenderMarkdown(digest);
        Assert.Contains("Week of 23 Nov 2026", text, StringComparison.Ordinal);
        Assert.Contains("No questions were posted this week.", text, StringComparison.Ordinal);
        Assert.Contains("0 questions · 0 answers from 0 members · 0 reviews", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_ShowsTotals_Questions_TopAnswers_AndReviewers()
    {
        var digest = WeeklyDigestBuilder.Build(
            Week,
            Berlin,
            [Prompt(1, 0), Prompt(2, 1, "Explain isolation levels.")],
            [Answer(1, 10, 60, 5), Answer(1, 11, 85.5, 10)],
            Reviews(7, 7, 3));

        var text = WeeklyDigestBuilder.RenderMarkdown(digest);

        Assert.StartsWith("## 📅 Week of 23 Nov 2026\n**2 questions · 2 answers from 2 members · 3 reviews**", text, StringComparison.Ordinal);
        Assert.Contains("**1. [What is a cache stampede?](https://discord.com/channels/1/1)**\n2 members answered · top answer by <@11> (score 85.5) · [read it](https://discord.com/channels/1/1/11)", text, StringComparison.Ordinal);
        Assert.Contains("**2. [Explain isolation levels.](https://discord.com/channels/1/2)**\nNobody answered this one yet.", text, StringComparison.Ordinal);
        Assert.Contains("🥇 <@7> — 2 reviews\n🥈 <@3> — 1 review", text, StringComparison.Ordinal);
        Assert.DoesNotContain("🥉", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_OneOfEach_IsSingular()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0)], [Answer(1, 10, 100, 1)], Reviews(4));

        Assert.Contains("**1 question · 1 answer from 1 member · 1 review**", WeeklyDigestBuilder.RenderMarkdown(digest), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_MarkdownInTitles_IsEscaped_AndLongTitlesAreCut()
    {
        var title = "Why does `a[0]` *sometimes* break_things? " + new string('x', 200) + "\nsecond line";
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0, title)], [], []);

        var text = WeeklyDigestBuilder.RenderMarkdown(digest);

        Assert.Contains(@"[Why does \`a\[0\]\` \*sometimes\* break\_things? x", text, StringComparison.Ordinal);
        Assert.Contains("x…](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_TooManyQuestions_StaysWithinTheLimit_AndSaysHowManyMore()
    {
        var prompts = Enumerable.Range(1, 60).Select(i => Prompt(i, i % 7, $"Question number {i} about " + new string('y', 90))).ToList();
        var answers = prompts.Select(p => Answer(p.PromptId, 10, 50, 1)).ToList();
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, prompts, answers, Reviews(1, 2, 3));

        var text = WeeklyDigestBuilder.RenderMarkdown(digest);

        Assert.InRange(text.Length, 3000, WeeklyDigestBuilder.MaxMarkdownLength);
        Assert.Matches(@"…and \d+ more questions: see the channel for the rest\.", text);
        Assert.Contains("### Top reviewers", text, StringComparison.Ordinal);
        Assert.EndsWith("🥉 <@3> — 1 review", text, StringComparison.Ordinal);
        var shown = text.Split('\n').Count(l => l.StartsWith("**", StringComparison.Ordinal) && l.Contains("](", StringComparison.Ordinal));
        var more = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"…and (\d+) more").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(60, shown + more);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(1000)]
    public void RenderMarkdown_AnyLimit_IsRespected(int limit)
    {
        var prompts = Enumerable.Range(1, 10).Select(i => Prompt(i, 0)).ToList();
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, prompts, [], Reviews(1, 2, 3));

        Assert.InRange(WeeklyDigestBuilder.RenderMarkdown(digest, limit).Length, 1, limit);
    }

    [Fact]
    public void RenderMarkdown_FitsExactly_ShowsEverything()
    {
        var digest = WeeklyDigestBuilder.Build(Week, Berlin, [Prompt(1, 0), Prompt(2, 1)], [], []);
        var full = WeeklyDigestBuilder.RenderMarkdown(digest);

        Assert.Equal(full, WeeklyDigestBuilder.RenderMarkdown(digest, full.Length));
        Assert.DoesNotContain("more question", full, StringComparison.Ordinal);
    }
}
