/** The host profiles a lab can choose (`host: rhel7` in front matter); rhel9 is the default. */
import type { HostProfile } from "./profile.js";
import { rhel7 } from "./rhel7.js";
import { rhel9 } from "./rhel9.js";

export type { HostProfile, BootProcess, Account } from "./profile.js";
export type ProfileName = "rhel7" | "rhel9";
export const profiles: Record<ProfileName, HostProfile> = { rhel7, rhel9 };
export const DEFAULT_PROFILE: ProfileName = "rhel9";
