using DiscordEmulator.Scripting;
using DiscordEmulator.State;
using InterviewBot.Features.Community;
using InterviewBot.Tests.EndToEnd;

namespace InterviewBot.Tests.Community;

/// <summary>Shared steps of the community scenarios: a staff review channel, the question form, the staff embed, DMs.</summary>
internal static class CommunityScenario
{
    public const string Prompt = "How would you design idempotent webhook delivery for a payments provider?";

    public const string Answer =
        "Each webhook carries an **idempotency key** that the receiver stores in a deduplication table before it applies " +
        "the side effect. Delivery is at least once, so the sender retries with **exponential backoff** until the receiver " +
        "acknowledges with a success status. Receivers verify a **signature** over the payload with a shared secret, " +
        "reject stale timestamps to stop replay, and process events in a queue so a slow consumer never blocks the acknowledgement.";

    public static async Task<EmulatedChannel> ConfigureReviewChannelAsync(BotUnderTest bot)
    {
        var staff = bot.Guild.AddTextChannel("staff-review");
        var owner = bot.Guild.AddMember("owner", DiscordEmulator.Permissions.ManageGuild | DiscordEmulator.Permissions.ManageMessages);
        var config = await owner.RunsCommandAsync("config review_channel", ("channel", staff));
        var reply = await config.WaitForMessageAsync(m => m.Content.Length > 0);
        Assert.Contains("Suggestions now go to", reply.Content, StringComparison.Ordinal);
        return staff;
    }

    public static (string, string)[] Form(string prompt = Prompt, string answer = Answer, string category = "api-design", string difficulty = "medium", string keyPoints = "") =>
    [
        (QuestionForm.PromptField, prompt),
        (QuestionForm.AnswerField, answer),
        (QuestionForm.CategoryField, category),
        (QuestionForm.DifficultyField, difficulty),
        (QuestionForm.KeyPointsField, keyPoints),
    ];

    /// <summary>Runs /question suggest, fills the modal, and returns the reply to the submit.</summary>
    public static async Task<EmulatedMessage> SuggestAsync(EmulatedMember member, params (string, string)[] form)
    {
        var open = await member.RunsCommandAsync("question suggest");
        var shown = await open.WaitForResponseAsync();
        if (shown.Type != 9)
        {
            return await open.WaitForMessageAsync(m => m.Content.Length > 0);
        }

        var submit = await member.SubmitsModalAsync("community:suggest", form.Length == 0 ? Form() : form);
        return await submit.WaitForMessageAsync(m => m.Content.Length > 0);
    }

    public static Task<EmulatedMessage> ReviewMessageAsync(BotUnderTest bot, EmulatedChannel staff, string promptFragment) =>
        bot.Discord.WaitForMessageAsync(m => m.ChannelId == staff.Id && m.EmbedText.Contains(promptFragment, StringComparison.Ordinal));

    public static Task<EmulatedMessage> DmAsync(BotUnderTest bot, string fragment) =>
        bot.Discord.WaitForMessageAsync(m => m.GuildId is null && m.Author.IsBot && m.Content.Contains(fragment, StringComparison.Ordinal));

    public static string ButtonId(EmulatedMessage message, string action) =>
        message.CustomIds.Single(id => id.StartsWith($"community:{action}:", StringComparison.Ordinal));
}
