/** Request/response shapes of the users and auth routes: the public contract, plus DTO mapping. */
import type { User as UserDto } from '@valeo/contracts';
import type { User } from './users.types.js';

export {
  ChangePasswordRequest, CreateUserRequest, ListUsersQuery, LoginRequest, SessionResponse, UpdateUserRequest, User, UserIdParams, UserPage,
} from '@valeo/contracts';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    tenantId: user.tenantId,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    active: user.deactivatedAt === null,
  };
}
