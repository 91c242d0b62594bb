// The PostgreSQL store's tables, as `migrate()` creates them: port them to your own migration
// tool or database. The store never reads inside `snapshot` and `record`: they are the library's JSON.
import { postgresSchemaSql } from "loyalty-kit/postgres";

console.log(postgresSchemaSql({ tablePrefix: "loyalty_" }));
