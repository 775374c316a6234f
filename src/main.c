/*
 * azmat: an Azure security maturity assessor. See docs/architecture.md.
 */
#include <locale.h>

#include "cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
