using InterviewBot.Discord.Entities;

namespace InterviewBot.Discord.Tests.Client;

public sealed class DiscordLimitsTests
{
    [Fact]
    public void Validate_ContentAtLimit_Passes()
    {
        DiscordLimits.Validate(new MessageCreate { Content = new string('a', 2000) });
    }

    [Fact]
    public void Validate_ContentOverLimit_NamesTheLimit()
    {
        var ex = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(new MessageCreate { Content = new string('a', 2001) }));

        Assert.Contains("content is 2001; Discord's limit is 2000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ContentWithSurroundingWhitespace_IsTrimmedBeforeCounting()
    {
        DiscordLimits.Validate(new MessageCreate { Content = "   " + new string('a', 2000) + "\n\n" });
    }

    [Fact]
    public void GetViolations_OversizedEmbed_ListsEveryBrokenLimit()
    {
        var embed = new Embed
        {
            Title = new string('t', 257),
            Description = new string('d', 4097),
            Footer = new EmbedFooter { Text = new string('f', 2049) },
            Fields = Enumerable.Range(0, 26).Select(i => new EmbedField { Name = new string('n', 257), Value = new string('v', 1025) }).ToList(),
        };

        var violations = DiscordLimits.GetViolations(new MessageCreate { Embeds = [embed] });

        Assert.Contains(violations, v => v.StartsWith("embed title is 257; Discord's limit is 256", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("embed description is 4097", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("embed footer is 2049", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("embed fields is 26; Discord's limit is 25", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("embed field name is 257", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("embed field value is 1025", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("embed total characters is", StringComparison.Ordinal));
    }

    [Fact]
    public void GetViolations_EmbedsSummingOver6000_ReportsTotal()
    {
        var embeds = Enumerable.Range(0, 2).Select(_ => new Embed { Description = new string('d', 3001) }).ToList();

        var violation = Assert.Single(DiscordLimits.GetViolations(new MessageCreate { Embeds = embeds }));

        Assert.Equal("embed total characters is 6002; Discord's limit is 6000 (embed total characters limit)", violation);
    }

    [Fact]
    public void GetViolations_TooManyRowsButtonsOptionsAndLongCustomId_AreReported()
    {
        var sixButtons = ActionRow.Of([.. Enumerable.Range(0, 6).Select(i => new Button { CustomId = $"b{i}", Label = "x" })]);
        var select = ActionRow.Of(new StringSelect
        {
            CustomId = new string('c', 101),
            Options = [.. Enumerable.Range(0, 26).Select(i => new SelectOption { Label = $"{i}", Value = $"{i}" })],
        });
        var rows = new List<Component> { sixButtons, select, ActionRow.Of(), ActionRow.Of(), ActionRow.Of(), ActionRow.Of() };

        var violations = DiscordLimits.GetViolations(new MessageCreate { Components = rows });

        Assert.Contains("action rows is 6; Discord's limit is 5 (action rows limit)", violations);
        Assert.Contains("buttons per action row is 6; Discord's limit is 5 (buttons per action row limit)", violations);
        Assert.Contains("select options is 26; Discord's limit is 25 (select options limit)", violations);
        Assert.Contains("custom_id is 101 characters; Discord allows 1-100 (custom_id limit)", violations);
    }

    [Fact]
    public void Validate_ModalTitleOver45_NamesModalTitle()
    {
        var modal = InteractionResponse.Modal("answer:submit:1", new string('m', 46), [ActionRow.Of(new TextInput { CustomId = "answer", Label = "Answer" })]);

        var ex = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(modal));

        Assert.Contains("modal title is 46; Discord's limit is 45", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateThreadName_EmptyOrOver100_Throws()
    {
        Assert.Throws<DiscordLimitException>(() => DiscordLimits.ValidateThreadName("  "));
        var ex = Assert.Throws<DiscordLimitException>(() => DiscordLimits.ValidateThreadName(new string('x', 101)));
        Assert.Contains("thread name", ex.Message, StringComparison.Ordinal);
        DiscordLimits.ValidateThreadName(new string('x', 100));
    }

    [Fact]
    public void Validate_AutocompleteWith26Choices_Throws()
    {
        var choices = Enumerable.Range(0, 26).Select(i => ApplicationCommandOptionChoice.FromString($"{i}", $"{i}")).ToList();

        var ex = Assert.Throws<DiscordLimitException>(() => DiscordLimits.Validate(InteractionResponse.Autocomplete(choices)));

        Assert.Contains("autocomplete choices is 26", ex.Message, StringComparison.Ordinal);
    }
}
