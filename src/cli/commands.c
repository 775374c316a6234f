/*
 * The command table, generated from CLI_COMMAND_LIST in cli.h.
 */
#include "cli.h"
#include "compat.h"

#define CLI_COMMAND_REF(n) &cmd_##n,
const struct cli_command *const cli_commands[] = { CLI_COMMAND_LIST(CLI_COMMAND_REF) };
#undef CLI_COMMAND_REF

const size_t cli_ncommands = ARRAY_SIZE(cli_commands);
