// Prints CREATE TABLE SQL for the whole schema.prisma: a starting point when writing a migration
// by hand (the Prisma CLI's migrate commands need an engine binary this project cannot download).
import { createTablesSql, loadDmmf, physicalModel } from '../src/db/physical-model';

loadDmmf().then((dmmf) => process.stdout.write(createTablesSql(physicalModel(dmmf))));
