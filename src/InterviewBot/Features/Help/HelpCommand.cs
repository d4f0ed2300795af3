using System.Text;
using InterviewBot.Discord.Entities;
using InterviewBot.Features.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewBot.Features.Help;

/// <summary><c>/help</c>: every registered command with its description, in one ephemeral embed.</summary>
public sealed class HelpCommand(IServiceProvider services) : ICommandHandler
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "help",
        Description = "What InterviewBot can do, and every command it understands.",
        Contexts = [InteractionContextType.Guild],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder();
        text.Append("Mock backend interviews in your server: post a question, answer in its thread, and see the reference answer with what your answer covered.\n\n");
        foreach (var command in services.GetServices<ICommandHandler>().Select(c => c.Definition).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            AppendCommand(text, $"/{command.Name}", command.Description, command.Options);
        }

        await context.ReplyAsync(new MessageCreate
        {
            Embeds =
            [
                new Embed
                {
                    Title = "InterviewBot help",
                    Description = DiscordText.Truncate(text.ToString(), 4096),
                    Footer = new EmbedFooter { Text = "Answers are scored by the key points they cover; nothing you type pings anyone." },
                },
            ],
        }, ephemeral: true, cancellationToken).ConfigureAwait(false);
    }

    private static void AppendCommand(StringBuilder text, string path, string description, IReadOnlyList<ApplicationCommandOption>? options)
    {
        var subcommands = options?.Where(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup).ToList() ?? [];
        if (subcommands.Count == 0)
        {
            var parameters = string.Concat(options?.Select(o => o.Required == true ? $" {o.Name}" : $" [{o.Name}]") ?? []);
            text.Append("**`").Append(path).Append(parameters).Append("`** ").Append(description).Append('\n');
            return;
        }

        foreach (var sub in subcommands)
        {
            AppendCommand(text, $"{path} {sub.Name}", sub.Description, sub.Options);
        }
    }
}
