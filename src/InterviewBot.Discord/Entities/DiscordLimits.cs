using System.Globalization;

namespace InterviewBot.Discord.Entities;

/// <summary>
/// Discord's documented size limits and checks against them. Discord trims leading and trailing white
/// space before counting; lengths here are UTF-16 units, which never under-count.
/// </summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooter = 2048;
    public const int EmbedAuthorName = 256;
    public const int EmbedTotal = 6000;
    public const int CustomId = 100;
    public const int ThreadName = 100;
    public const int ModalTitle = 45;
    public const int ModalComponents = 5;
    public const int SelectOptions = 25;
    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabel = 80;
    public const int Nonce = 25;
    public const int AutocompleteChoices = 25;

    public static IReadOnlyList<string> GetViolations(MessageCreate message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var violations = new List<string>();
        CheckLength(violations, "content", message.Content, Content);
        CheckLength(violations, "nonce", message.Nonce, Nonce);
        CheckEmbeds(violations, message.Embeds);
        CheckComponents(violations, message.Components);
        return violations;
    }

    public static IReadOnlyList<string> GetViolations(MessageEdit message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var violations = new List<string>();
        CheckLength(violations, "content", message.Content, Content);
        CheckEmbeds(violations, message.Embeds);
        CheckComponents(violations, message.Components);
        return violations;
    }

    public static IReadOnlyList<string> GetViolations(InteractionResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var violations = new List<string>();
        if (response.Data is not { } data)
        {
            return violations;
        }

        CheckLength(violations, "content", data.Content, Content);
        CheckEmbeds(violations, data.Embeds);
        if (data.Choices is { Count: > AutocompleteChoices } choices)
        {
            violations.Add(Over("autocomplete choices", choices.Count, AutocompleteChoices));
        }

        if (response.Type == InteractionCallbackType.Modal)
        {
            CheckLength(violations, "modal title", data.Title, ModalTitle);
            CheckCustomId(violations, data.CustomId);
            if (data.Components is { Count: > ModalComponents } modalComponents)
            {
                violations.Add(Over("modal components", modalComponents.Count, ModalComponents));
            }

            CheckComponentTree(violations, data.Components);
        }
        else
        {
            CheckComponents(violations, data.Components);
        }

        return violations;
    }

    /// <summary>Throws <see cref="DiscordLimitException"/> naming every broken limit.</summary>
    public static void Validate(MessageCreate message) => ThrowIfAny(GetViolations(message));

    public static void Validate(MessageEdit message) => ThrowIfAny(GetViolations(message));

    public static void Validate(InteractionResponse response) => ThrowIfAny(GetViolations(response));

    public static void ValidateThreadName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var length = name.Trim().Length;
        if (length is 0 or > ThreadName)
        {
            throw new DiscordLimitException($"thread name is {length} characters; Discord allows 1-{ThreadName} (thread name limit)");
        }
    }

    public static void ValidateCustomId(string customId)
    {
        var violations = new List<string>();
        CheckCustomId(violations, customId);
        ThrowIfAny(violations);
    }

    private static void ThrowIfAny(IReadOnlyList<string> violations)
    {
        if (violations.Count > 0)
        {
            throw new DiscordLimitException(violations);
        }
    }

    private static string Over(string what, int actual, int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} is {actual}; Discord's limit is {limit} ({what} limit)");

    private static int Measure(string? text) => text?.Trim().Length ?? 0;

    private static void CheckLength(List<string> violations, string what, string? text, int limit)
    {
        var length = Measure(text);
        if (length > limit)
        {
            violations.Add(Over(what, length, limit));
        }
    }

    private static void CheckCustomId(List<string> violations, string? customId)
    {
        if (customId is null)
        {
            return;
        }

        if (customId.Length is 0 or > CustomId)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"custom_id is {customId.Length} characters; Discord allows 1-{CustomId} (custom_id limit)"));
        }
    }

    private static void CheckEmbeds(List<string> violations, IReadOnlyList<Embed>? embeds)
    {
        if (embeds is null)
        {
            return;
        }

        if (embeds.Count > EmbedsPerMessage)
        {
            violations.Add(Over("embeds per message", embeds.Count, EmbedsPerMessage));
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            CheckLength(violations, "embed title", embed.Title, EmbedTitle);
            CheckLength(violations, "embed description", embed.Description, EmbedDescription);
            CheckLength(violations, "embed footer", embed.Footer?.Text, EmbedFooter);
            CheckLength(violations, "embed author name", embed.Author?.Name, EmbedAuthorName);
            total += Measure(embed.Title) + Measure(embed.Description) + Measure(embed.Footer?.Text) + Measure(embed.Author?.Name);
            if (embed.Fields is { } fields)
            {
                if (fields.Count > EmbedFields)
                {
                    violations.Add(Over("embed fields", fields.Count, EmbedFields));
                }

                foreach (var field in fields)
                {
                    CheckLength(violations, "embed field name", field.Name, EmbedFieldName);
                    CheckLength(violations, "embed field value", field.Value, EmbedFieldValue);
                    total += Measure(field.Name) + Measure(field.Value);
                }
            }
        }

        if (total > EmbedTotal)
        {
            violations.Add(Over("embed total characters", total, EmbedTotal));
        }
    }

    private static void CheckComponents(List<string> violations, IReadOnlyList<Component>? components)
    {
        if (components is null)
        {
            return;
        }

        if (components.Count > ActionRows)
        {
            violations.Add(Over("action rows", components.Count, ActionRows));
        }

        foreach (var component in components)
        {
            if (component is ActionRow row)
            {
                var buttons = row.Components.Count(c => c is Button);
                if (buttons > ButtonsPerRow)
                {
                    violations.Add(Over("buttons per action row", buttons, ButtonsPerRow));
                }
            }
        }

        CheckComponentTree(violations, components);
    }

    private static void CheckComponentTree(List<string> violations, IReadOnlyList<Component>? components)
    {
        if (components is null)
        {
            return;
        }

        foreach (var component in components)
        {
            switch (component)
            {
                case ActionRow row:
                    CheckComponentTree(violations, row.Components);
                    break;
                case LabelComponent { Component: { } inner }:
                    CheckComponentTree(violations, [inner]);
                    break;
                case Button button:
                    CheckCustomId(violations, button.CustomId);
                    CheckLength(violations, "button label", button.Label, ButtonLabel);
                    break;
                case StringSelect select:
                    CheckCustomId(violations, select.CustomId);
                    if (select.Options.Count > SelectOptions)
                    {
                        violations.Add(Over("select options", select.Options.Count, SelectOptions));
                    }

                    break;
                case TextInput input:
                    CheckCustomId(violations, input.CustomId);
                    break;
            }
        }
    }
}
