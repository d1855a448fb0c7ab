/** Loads every fact source credit ratings use: one import line per capability whose facts are read. */
import './facts-registry';
import './facts-ledger';
import './facts-credit';
import './facts-requests';
import './facts-matching';
