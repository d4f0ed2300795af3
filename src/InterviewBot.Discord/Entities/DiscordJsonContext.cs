using System.Text.Json;
using System.Text.Json.Serialization;
using InterviewBot.Discord.Gateway;
using InterviewBot.Discord.Rest;

namespace InterviewBot.Discord.Entities;

/// <summary>
/// Source-generated JSON metadata for every Discord payload: snake_case names, nulls not written,
/// unknown fields ignored, enums as numbers (so unknown enum values survive as plain numbers).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Snowflake))]
[JsonSerializable(typeof(Permissions))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(GuildMember))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(IReadOnlyList<Role>))]
[JsonSerializable(typeof(Guild))]
[JsonSerializable(typeof(UnavailableGuild))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(PartialMessage))]
[JsonSerializable(typeof(Embed))]
[JsonSerializable(typeof(Component))]
[JsonSerializable(typeof(ActionRow))]
[JsonSerializable(typeof(Button))]
[JsonSerializable(typeof(StringSelect))]
[JsonSerializable(typeof(TextInput))]
[JsonSerializable(typeof(LabelComponent))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(MessageCreate))]
[JsonSerializable(typeof(MessageEdit))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(ChannelModify))]
[JsonSerializable(typeof(StartThreadFromMessageBody))]
[JsonSerializable(typeof(StartThreadBody))]
[JsonSerializable(typeof(CreateDmBody))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(IdentifyPayload))]
[JsonSerializable(typeof(ResumePayload))]
[JsonSerializable(typeof(HelloPayload))]
[JsonSerializable(typeof(ReadyPayload))]
[JsonSerializable(typeof(MessageDeletePayload))]
[JsonSerializable(typeof(MessageReaction))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
