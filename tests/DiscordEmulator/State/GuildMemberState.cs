using System.Text.Json.Nodes;

namespace DiscordEmulator.State;

/// <summary>Membership of one user in one guild.</summary>
internal sealed class GuildMemberState(EmulatedUser user, DateTimeOffset joinedAt)
{
    public EmulatedUser User { get; } = user;

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    public List<ulong> RoleIds { get; } = [];

    public JsonObject ToJson(bool includeUser = true)
    {
        var o = new JsonObject
        {
            ["avatar"] = null,
            ["banner"] = null,
            ["communication_disabled_until"] = null,
            ["flags"] = 0,
            ["joined_at"] = Json.Time(JoinedAt),
            ["nick"] = null,
            ["pending"] = false,
            ["premium_since"] = null,
            ["roles"] = Json.Array(RoleIds.Select(r => (JsonNode?)Json.Id(r))),
            ["mute"] = false,
            ["deaf"] = false,
        };
        if (includeUser)
        {
            o["user"] = User.ToJson();
        }

        return o;
    }
}
