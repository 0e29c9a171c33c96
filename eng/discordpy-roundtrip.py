#!/usr/bin/python3
"""An independent Discord client library (Debian's discord.py) against MjBot's loopback Discord emulator.

Unpatched: only its documented REST base is pointed at the emulator. It logs in, lists the guilds and channels it
sees, reads its application, the guild, its channels, the channel and its own member over REST, and answers each slash command by deferring (reading the callback response back), editing the original response, sending a follow-up and reading
the original back. Every step is one line on standard output, for the test to read.
Usage: discordpy-roundtrip.py <rest base, e.g. http://127.0.0.1:5000/api/v10> <bot token>
"""
import sys
import traceback

import discord
import discord.http

rest_base, token = sys.argv[1], sys.argv[2]
discord.http.Route.BASE = rest_base.rstrip("/")

intents = discord.Intents.none()
intents.guilds = True
# The auto-sharded client takes the gateway URL from GET /gateway/bot, as Discord asks bots to.
client = discord.AutoShardedClient(intents=intents)


def say(*parts):
    print(*parts, flush=True)


@client.event
async def on_ready():
    say("READY", client.user.id, client.user.name)
    for guild in client.guilds:
        say("GUILD", guild.id, guild.name, "channels:", ",".join(str(c.id) for c in guild.channels))
    try:
        application = await client.application_info()
        say("APPLICATION", application.id, application.bot_public, application.bot_require_code_grant)
        guild = await client.fetch_guild(client.guilds[0].id)
        say("FETCHED GUILD", guild.id, guild.name)
        channels = await guild.fetch_channels()
        say("FETCHED CHANNELS", ",".join(str(c.id) for c in channels))
        channel = await client.fetch_channel(channels[0].id)
        say("FETCHED CHANNEL", channel.id, channel.name, channel.is_nsfw())
        member = await guild.fetch_member(client.user.id)
        say("FETCHED MEMBER", member.id, member.bot)
    except Exception:
        traceback.print_exc()
        say("ERROR", "fetch")
    say("FETCHED")


@client.event
async def on_error(event, *args, **kwargs):
    traceback.print_exc()
    say("ERROR", event)


@client.event
async def on_interaction(interaction: discord.Interaction):
    say("INTERACTION", interaction.id, interaction.guild_id, interaction.channel_id, interaction.user.id)
    # The deferral through the library's own HTTP client, asking for the callback response back.
    route = discord.http.Route("POST", "/interactions/{interaction_id}/{interaction_token}/callback",
                               interaction_id=interaction.id, interaction_token=interaction.token)
    answer = await client.http.request(route, json={"type": 5}, params={"with_response": "true"})
    say("DEFERRED", answer["interaction"]["id"], answer["resource"]["type"], answer["interaction"]["response_message_id"],
        answer["interaction"]["response_message_loading"])
    await interaction.edit_original_response(content="edited by discord.py")
    say("EDITED")
    followup = await interaction.followup.send("a follow-up from discord.py", wait=True)
    say("FOLLOWED", followup.id)
    original = await interaction.original_response()
    say("ORIGINAL", original.id, original.content)
    say("DONE")


client.run(token, log_handler=None)
